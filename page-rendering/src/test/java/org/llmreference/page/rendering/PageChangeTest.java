package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageChangeTest {

    private static final Instant AT = Instant.parse("2026-05-22T10:00:00Z");

    @Test
    void namesTheChangedSectionsAsThePageTitlesThemInPageOrder() {
        assertThat(new PageChange(4, AT, List.of("sources", "pricing", "monthlyCost", "verdict", "lastReviewed")).summary())
                .isEqualTo("Verdict, Monthly cost, Pricing and availability, Sources");
        assertThat(new PageChange(2, AT, List.of("intro", "title", "modelA", "related", "faq", "deepDive")).summary())
                .isEqualTo("Overview, Deep dive, FAQ, Continue comparing");
        assertThat(new PageChange(2, AT, List.of("scorecard", "tradeoffs", "switchFriction", "specs", "capabilities",
                "benchmarks")).summary())
                .isEqualTo("Decision scorecard, Decision tradeoffs, Switch friction, Specs, Capabilities, Benchmarks");
    }

    @Test
    void callsTheFirstRevisionFirstPublished() {
        assertThat(new PageChange(1, AT, List.of("title", "verdict")).summary()).isEqualTo("First published");
    }

    @Test
    void keepsAnUnknownSectionNameAndSaysSomethingWhenNoneIsGiven() {
        assertThat(new PageChange(3, AT, List.of("verdict", "newSection")).summary()).isEqualTo("Verdict, newSection");
        assertThat(new PageChange(3, AT, List.of()).summary()).isEqualTo("Facts updated");
        assertThat(PageChange.sectionTitle("monthlyCost")).isEqualTo("Monthly cost");
    }
}
