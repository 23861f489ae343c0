package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.engine.Sides.aModel;
import static org.llmreference.comparison.engine.Sides.aRoute;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.RouteCost;
import org.llmreference.contracts.comparison.RouteUnfit;
import org.llmreference.contracts.comparison.TrafficProfile;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.UpstreamSource;

/** The route table: every route priced alone at the workload, cheapest first, unfit routes flagged. */
class RouteCostsTest {

    private static final TrafficProfile DEFAULT = EngineSettings.DEFAULT_PROFILE;

    @Test
    void pricesEveryRouteAloneAndSortsThemCheapestFirst() {
        Side side = aModel("x")
                .withRoute(aRoute("a").named("Alpha").priced("0.05", "0.10"))
                .withRoute(aRoute("b").named("Beta").priced("0.03", "0.20"))
                .withRoute(aRoute("c").named("Gamma").priced("0.04", "0.04"))
                .side();

        List<RouteCost> rows = Calculator.routeCosts(side.priced(), DEFAULT);

        // 800M input and 250M output tokens: Gamma 32 + 10, Alpha 40 + 25, Beta 24 + 50.
        assertThat(rows).extracting(RouteCost::providerName).containsExactly("Gamma", "Alpha", "Beta");
        assertThat(rows).extracting(RouteCost::monthlyUsd)
                .containsExactly(new BigDecimal("42.00"), new BigDecimal("65.00"), new BigDecimal("74.00"));
        assertThat(rows).extracting(RouteCost::cheapest).containsExactly(true, false, false);
    }

    @Test
    void eachRowCarriesItsRoutesUpstreamSourceAndKeepsItWhenRepricedFromTheTable() {
        RouteSnapshot plain = aRoute("a").named("Alpha").priced("0.05", "0.10").build();
        UpstreamSource source = new UpstreamSource("openai/x:free", "providers/alpha/models/openai/x.toml",
                "3f2c9e1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e", Instant.parse("2026-05-20T14:02:11Z"),
                List.of("providers/alpha/models/openai/x-flex.toml"));
        Side side = aModel("x")
                .withRoute(new RouteSnapshot(plain.providerId(), plain.providerName(), plain.terms(), source, null))
                .withRoute(aRoute("b").named("Beta").priced("0.03", "0.20"))
                .side();

        List<RouteCost> rows = Calculator.routeCosts(side.priced(), DEFAULT);
        List<RouteCost> again = Calculator.routeCosts(PricedModel.of("x", "x", null, rows), DEFAULT);

        assertThat(rows).extracting(RouteCost::upstream).containsExactly(source, null);
        assertThat(again).extracting(RouteCost::upstream).containsExactly(source, null);
    }

    @Test
    void neverMarksAnUnfitRouteCheapest() {
        Side side = aModel("x")
                .withRoute(aRoute("a").named("Alpha").priced("0.05", "0.10"))
                .withRoute(aRoute("c").named("Gamma").priced("0.01", "0.01").deprecated())
                .side();

        List<RouteCost> rows = Calculator.routeCosts(side.priced(), DEFAULT);

        assertThat(rows.get(0).providerName()).isEqualTo("Gamma");
        assertThat(rows.get(0).unfit()).containsExactly(RouteUnfit.DEPRECATED);
        assertThat(rows.get(0).cheapest()).isFalse();
        assertThat(rows.get(1).cheapest()).isTrue();
    }

    @Test
    void flagsARouteWhoseContextWindowIsSmallerThanARequest() {
        Side side = aModel("x").withContextWindow(1_050)
                .withRoute(aRoute("a").named("Small").priced("0.05", "0.10").withContextWindow(1_060))
                .withRoute(aRoute("b").named("Model's window").priced("0.05", "0.10"))
                .side();
        TrafficProfile big = new TrafficProfile("big", 1_000, 900, 200, null, null, false);

        List<RouteCost> rows = Calculator.routeCosts(side.priced(), big);

        assertThat(rows).allSatisfy(row -> assertThat(row.unfit()).containsExactly(RouteUnfit.CONTEXT_TOO_SMALL));
        assertThat(rows).noneMatch(RouteCost::cheapest);
        assertThat(Calculator.routeCosts(side.priced(), DEFAULT)).allSatisfy(row -> assertThat(row.unfit()).isEmpty());
    }

    @Test
    void flagsARouteWithoutACachedPriceOnlyWhenTheWorkloadReadsFromCache() {
        Side side = aModel("x")
                .withRoute(aRoute("a").named("Cached").priced("1.00", "2.00").withCachedInput("0.10"))
                .withRoute(aRoute("b").named("Uncached").priced("0.50", "2.00"))
                .side();
        TrafficProfile cached = new TrafficProfile("cached", 1_000, 1_000, 100, new BigDecimal("0.25"), null, false);

        List<RouteCost> rows = Calculator.routeCosts(side.priced(), cached);

        // Uncached: 1M × 0.50 + 100k × 2.00 = 0.70, still priced, but cannot serve the cache share.
        assertThat(rows.get(0).providerName()).isEqualTo("Uncached");
        assertThat(rows.get(0).monthlyUsd()).isEqualByComparingTo("0.70");
        assertThat(rows.get(0).unfit()).containsExactly(RouteUnfit.NO_CACHE_PRICE);
        assertThat(rows.get(1).cheapest()).isTrue();
        assertThat(rows.get(1).monthlyUsd()).isEqualByComparingTo("0.98");
        assertThat(Calculator.routeCosts(side.priced(), DEFAULT)).allSatisfy(row -> assertThat(row.unfit()).isEmpty());
    }

    @Test
    void putsRoutesWithoutACompletePriceLast() {
        Side side = aModel("x")
                .withRoute(aRoute("a").named("No output").priced("0.01", null))
                .withRoute(aRoute("b").named("Priced").priced("0.05", "0.10"))
                .side();

        List<RouteCost> rows = Calculator.routeCosts(side.priced(), DEFAULT);

        assertThat(rows).extracting(RouteCost::providerName).containsExactly("Priced", "No output");
        assertThat(rows.get(1).monthlyUsd()).isNull();
        assertThat(rows.get(1).cheapest()).isFalse();
    }

    @Test
    void chargesTheBatchShareOfRequestsAtBatchPrices() {
        Side side = aModel("x").withRoute(aRoute("a").priced("1.00", "2.00").withBatch("0.50", "1.00")).side();
        TrafficProfile halfBatch = new TrafficProfile("half", 1_000, 1_000, 1_000, null, null, false,
                new BigDecimal("0.5"));

        // 1M input: 0.5 × 1.00 + 0.5 × 0.50 = 0.75; 1M output: 0.5 × 2.00 + 0.5 × 1.00 = 1.50
        assertThat(Calculator.routeCosts(side.priced(), halfBatch).get(0).monthlyUsd()).isEqualByComparingTo("2.25");
        assertThat(Calculator.modelCost(side.priced(), halfBatch).monthlyUsd()).isEqualByComparingTo("2.25");
    }

    @Test
    void theComparisonCarriesEveryRouteOfBothSides() {
        Side a = aModel("a").withRoute(aRoute("p").named("P").priced("0.05", "0.10"))
                .withRoute(aRoute("q").named("Q").priced("0.04", "0.10")).side();
        Side b = aModel("b").withRoute(aRoute("r").named("R").priced("0.05", "0.10")).side();

        Comparison comparison = new ComparisonEngine(EngineSettings.defaults()).compare(b, a, List.of());

        assertThat(comparison.routesA()).extracting(RouteCost::providerName).containsExactly("Q", "P");
        assertThat(comparison.routesB()).extracting(RouteCost::providerName).containsExactly("R");
    }

    @Test
    void aRouteTableRecomputesToTheSameFigures() {
        Side side = aModel("x").withContextWindow(131_072)
                .withRoute(aRoute("a").named("Alpha").priced("0.05", "0.10").withCachedInput("0.01"))
                .withRoute(aRoute("b").named("Beta").priced("0.03", "0.20").withTier(1_000, "0.06", "0.40"))
                .side();
        TrafficProfile profile = new TrafficProfile("mixed", 20_000, 3_000, 400, new BigDecimal("0.3"),
                new BigDecimal("0.1"), false, new BigDecimal("0.2"));
        List<RouteCost> table = Calculator.routeCosts(side.priced(), EngineSettings.DEFAULT_PROFILE);

        PricedModel fromTable = PricedModel.of("x", side.name(), 131_072, table);

        assertThat(Calculator.modelCost(fromTable, profile)).isEqualTo(Calculator.modelCost(side.priced(), profile));
        assertThat(Calculator.routeCosts(fromTable, profile)).isEqualTo(Calculator.routeCosts(side.priced(), profile));
    }
}
