package org.llmreference.page.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.page.comparisons.ComparisonRevision;
import org.llmreference.page.pages.IndexedPage;

/**
 * Pages that do not show the comparison page-service holds for their pair. page-service stores the
 * comparison of an event first and the page second, so a page can only fall behind its comparison
 * when rendering or storing it failed (the event then went to the dead-letter topic) or is
 * happening right now:
 * <ul>
 * <li>{@value #MISSING}: a comparison without any page;</li>
 * <li>{@value #BEHIND}: a page whose revision is lower than the comparison's;</li>
 * <li>{@value #STILL_LIVE}: at the same revision, the comparison is withdrawn but the page is still served;</li>
 * <li>{@value #GONE}: at the same revision, the comparison is live but the page answers 410.</li>
 * </ul>
 * A page newer than the stored comparison is not a finding: the audit reads the comparisons before
 * the pages, so a pair regenerated in between reads that way.
 */
final class PagesBehind {

    static final String MISSING = "missing";
    static final String BEHIND = "behind";
    static final String STILL_LIVE = "still-live";
    static final String GONE = "gone";

    private PagesBehind() {
    }

    /** The findings, oldest comparison first. */
    static List<PageBehind> find(Collection<ComparisonRevision> comparisons, Collection<IndexedPage> pages,
            Instant now) {
        Map<String, IndexedPage> pageByPair = new HashMap<>();
        pages.forEach(page -> pageByPair.put(page.pairId(), page));
        List<PageBehind> findings = new ArrayList<>();
        for (ComparisonRevision comparison : comparisons) {
            IndexedPage page = pageByPair.get(comparison.pairId());
            String finding = finding(comparison, page);
            if (finding != null) {
                findings.add(new PageBehind(comparison.pairId(), finding, page == null ? null : page.revision(),
                        comparison.revision(), comparison.live(), comparison.occurredAt(),
                        Ages.seconds(comparison.occurredAt(), now)));
            }
        }
        findings.sort(Comparator.comparing(PageBehind::ageSeconds, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(PageBehind::pairId));
        return findings;
    }

    private static String finding(ComparisonRevision comparison, IndexedPage page) {
        if (page == null) {
            return MISSING;
        }
        if (page.revision() < comparison.revision()) {
            return BEHIND;
        }
        if (page.revision() == comparison.revision() && !comparison.live() && page.live()) {
            return STILL_LIVE;
        }
        if (page.revision() == comparison.revision() && comparison.live() && !page.live()) {
            return GONE;
        }
        return null;
    }
}
