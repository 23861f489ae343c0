package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.engine.GoldenComparisonTest.texts;
import static org.llmreference.comparison.engine.Sides.aModel;
import static org.llmreference.comparison.engine.Sides.aRoute;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.Fact;
import org.llmreference.contracts.comparison.FactTable;

class TablesTest {

    private final ComparisonEngine engine = new ComparisonEngine(EngineSettings.defaults());

    @Test
    void showsSharedBenchmarkRowsInModelAsOrderAndSpelling() {
        Side a = aModel("a").withBenchmark("GPQA Diamond", "71.5", "%", true).withBenchmark("Arena", "1320", "Elo", false)
                .withBenchmark("Only here", "3", null, true).withSource("Card A", "https://a.example", "2026-01-02").side();
        Side b = aModel("b").withBenchmark("arena", "1290.0", "Elo", null).withBenchmark("gpqa diamond", "65", "%", false).side();
        FactTable table = engine.compare(a, b, List.of()).benchmarks();
        assertThat(texts(table.rows())).containsExactly(
                List.of("GPQA Diamond", "71.5%", "65% (claimed)"),
                List.of("Arena", "1320 Elo (claimed)", "1290 Elo"));
        assertThat(table.rows().get(0).a()).isEqualTo(new Fact("71.5%", "Card A", "https://a.example", LocalDate.of(2026, 1, 2)));
        assertThat(table.rows().get(0).b()).isEqualTo(new Fact("65% (claimed)", null, null, null));
    }

    @Test
    void showsUnknownsAsDashesNeverZeroOrNull() {
        Side a = aModel("a").withContextWindow(0).withParameters("0")
                .withCapabilities(new Capabilities(true, false, null, null, null, null, null, null, null, null)).side();
        Side b = aModel("b").withRoute(aRoute("p").priced("-1", null)).side();
        Comparison page = engine.compare(a, b, List.of());
        // Nothing in the specs is known for either model (a zero is no more known than a gap): no row
        // of "- -", the table says so instead.
        assertThat(page.specs().rows()).isEmpty();
        assertThat(page.specs().emptyNote()).isEqualTo("No specification is sourced for either model yet.");
        assertThat(texts(page.capabilities().rows())).containsExactly(
                List.of("Vision", "Yes", "-"),
                List.of("Multimodal", "No", "-"));
        assertThat(texts(page.pricing().rows())).containsExactly(List.of("Providers", "-", "p"));
        assertThat(texts(page.scorecard())).extracting(row -> row.get(0))
                .containsExactly("Best for", "Provider routes", "Shared benchmarks");
        assertThat(page.pricing().rows().get(0).a()).isEqualTo(Fact.unknown());
        assertThat(texts(page.scorecard()).get(0)).containsExactly("Best for", "multimodal apps", "general text workloads");
        assertThat(page.modelA().contextWindow()).isNull();
        assertThat(page.lastReviewed()).isNull();
    }

    @Test
    void quotesTheCheapestActivePricesWithTheirRoute() {
        Side a = aModel("a")
                .withRoute(aRoute("old").named("Old").priced("0.01", "0.01").deprecated())
                .withRoute(aRoute("x").named("X").priced("0.075", "0.30").sourcedAt("https://x.example", "2026-02-01"))
                .withRoute(aRoute("y").named("Y").priced("0.10", "0.25").sourcedAt("https://y.example", "2026-03-01"))
                .side();
        Comparison page = engine.compare(a, aModel("b").side(), List.of());
        assertThat(page.pricing().rows().get(0).a()).isEqualTo(new Fact("$0.075/1M tokens", "X", "https://x.example", LocalDate.of(2026, 2, 1)));
        assertThat(page.pricing().rows().get(1).a()).isEqualTo(new Fact("$0.25/1M tokens", "Y", "https://y.example", LocalDate.of(2026, 3, 1)));
        assertThat(page.pricing().rows().get(2).a().text()).isEqualTo("Old, X, and Y");
        assertThat(texts(page.scorecard())).contains(List.of("Provider routes", "3 tracked", "0 tracked"));
        assertThat(texts(page.scorecard()).get(0)).containsExactly("Best for", "provider-routed production", "general text workloads");
        assertThat(page.lastReviewed()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void listsEachSourceOnceWithModelAsFirst() {
        Side a = aModel("a").withSource("Card", "https://shared.example", "2026-01-01").withSource("Notes", null, null).side();
        Side b = aModel("b").withSource("Other title", "https://shared.example", "2026-04-01").withSource("Notes", null, "2026-02-01")
                .withSource("Card B", "https://b.example", null).side();
        Comparison page = engine.compare(a, b, List.of());
        assertThat(page.sources()).extracting(s -> s.title()).containsExactly("Card", "Notes", "Card B");
        assertThat(page.lastReviewed()).isEqualTo(LocalDate.of(2026, 4, 1));
    }
}
