package org.llmreference.page.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.page.comparisons.ComparisonRevision;
import org.llmreference.page.pages.IndexedPage;
import org.llmreference.page.rendering.ModelLink;

class PagesBehindTest {

    static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

    @Test
    void aPageAtItsComparisonsRevisionAndLivenessIsNoFinding() {
        List<PageBehind> findings = PagesBehind.find(
                List.of(comparison("a-vs-b", 3, true, 10), comparison("a-vs-c", 2, false, 10)),
                List.of(page("a-vs-b", 3, true), page("a-vs-c", 2, false)), NOW);

        assertThat(findings).isEmpty();
    }

    @Test
    void findsMissingBehindStillLiveAndGonePagesOldestFirst() {
        List<PageBehind> findings = PagesBehind.find(List.of(
                comparison("a-vs-b", 4, true, 5),
                comparison("a-vs-c", 1, true, 120),
                comparison("a-vs-d", 2, false, 30),
                comparison("a-vs-e", 2, true, 60)),
                List.of(page("a-vs-b", 3, true), page("a-vs-d", 2, true),
                        page("a-vs-e", 2, false)),
                NOW);

        assertThat(findings).extracting(PageBehind::pairId, PageBehind::finding, PageBehind::pageRevision,
                PageBehind::comparisonRevision).containsExactly(
                        tuple("a-vs-c", "missing", null, 1L),
                        tuple("a-vs-e", "gone", 2L, 2L),
                        tuple("a-vs-d", "still-live", 2L, 2L),
                        tuple("a-vs-b", "behind", 3L, 4L));
        assertThat(findings.get(0).ageSeconds()).isEqualByComparingTo("120");
        assertThat(findings.get(3).ageSeconds()).isEqualTo(new BigDecimal("5.000"));
    }

    @Test
    void aPageNewerThanTheComparisonReadBeforeItIsNoFinding() {
        // The audit reads comparisons first: a pair regenerated in between has a newer page, live or gone.
        List<PageBehind> findings = PagesBehind.find(List.of(comparison("a-vs-b", 3, true, 1)),
                List.of(page("a-vs-b", 4, false)), NOW);

        assertThat(findings).isEmpty();
    }

    @Test
    void aWithdrawnComparisonWithoutAPageIsMissingToo() {
        // page-service stores a gone page (410) for every withdrawal; without one the pair answers 404.
        assertThat(PagesBehind.find(List.of(comparison("a-vs-b", 2, false, 1)), List.of(), NOW))
                .extracting(PageBehind::finding).containsExactly("missing");
    }

    @Test
    void anAgeIsNeverNegativeAndUnknownWithoutATime() {
        assertThat(Ages.seconds(NOW.plusSeconds(2), NOW)).isEqualByComparingTo("0");
        assertThat(Ages.seconds(null, NOW)).isNull();
        assertThat(Ages.seconds(NOW.minusMillis(1_234), NOW)).isEqualTo(new BigDecimal("1.234"));
    }

    private static ComparisonRevision comparison(String pairId, long revision, boolean live, long secondsAgo) {
        return new ComparisonRevision(pairId, revision, live, NOW.minusSeconds(secondsAgo));
    }

    /** A page of {@code pairId} at {@code revision}, live or gone, as the index holds it. */
    static IndexedPage page(String pairId, long revision, boolean live) {
        String[] sides = pairId.split("-vs-");
        return new IndexedPage(pairId, revision, live, sides[0] + " vs " + sides[1], new ModelLink(sides[0], sides[0], null),
                new ModelLink(sides[1], sides[1], null), NOW, NOW, null, List.of(), live ? null : "withdrawn", "\"" + revision + "-0\"",
                null);
    }
}
