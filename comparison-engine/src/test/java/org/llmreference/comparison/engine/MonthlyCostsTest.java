package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.engine.Sides.aModel;
import static org.llmreference.comparison.engine.Sides.aRoute;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.MonthlyCost;
import org.llmreference.contracts.comparison.TrafficProfile;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class MonthlyCostsTest {

    /** 1M requests of 800 input and 250 output tokens: 800M input and 250M output tokens. */
    private static final TrafficProfile DEFAULT = EngineSettings.DEFAULT_PROFILE;

    // Properties.

    @Test
    void aMonthlyCostIsNeverNegativeAndAlwaysInCents() {
        qt().withExamples(500)
                .forAll(RandomCatalogs.sides(), profiles())
                .checkAssert((side, profile) -> {
                    ModelCost cost = MonthlyCosts.costOf(side, profile);
                    if (cost.monthlyUsd() == null) {
                        assertThat(cost.note()).isEqualTo(MonthlyCosts.NO_COMPLETE_PRICE);
                        assertThat(cost.inputRoute()).isNull();
                    } else {
                        assertThat(cost.monthlyUsd().signum()).isNotNegative();
                        assertThat(cost.monthlyUsd().scale()).isEqualTo(2);
                    }
                });
    }

    @Test
    void aSingleRouteCostsTokensTimesPricesRoundedOnce() {
        qt().withExamples(500)
                .forAll(RandomCatalogs.prices(), RandomCatalogs.prices(), Generate.longRange(0, 10_000_000), Generate.longRange(0, 5_000))
                .checkAssert((input, output, requests, tokens) -> {
                    Side side = aModel("x").withRoute(aRoute("p").priced(input.toPlainString(), output.toPlainString())).side();
                    TrafficProfile profile = new TrafficProfile("t", requests, tokens, tokens / 3, null, null, false);
                    BigDecimal expected = BigDecimal.valueOf(requests * tokens).multiply(input)
                            .add(BigDecimal.valueOf(requests * (tokens / 3)).multiply(output))
                            .divide(BigDecimal.valueOf(1_000_000))
                            .setScale(2, RoundingMode.HALF_UP);
                    assertThat(MonthlyCosts.costOf(side, profile).monthlyUsd()).isEqualTo(expected);
                });
    }

    @Test
    void negativePricesNeverMakeANegativeCost() {
        qt().withExamples(200)
                .forAll(RandomCatalogs.prices(), RandomCatalogs.prices())
                .checkAssert((input, output) -> {
                    Side side = aModel("x")
                            .withRoute(aRoute("bad").priced(input.negate().subtract(BigDecimal.ONE).toPlainString(), output.toPlainString())
                                    .withCachedInput("-1").withBatch("-2", "-3").withTier(1000, "-4", "-5"))
                            .withRoute(aRoute("good").priced(input.toPlainString(), output.toPlainString()))
                            .side();
                    TrafficProfile profile = new TrafficProfile("t", 1000, 1000, 1000, new BigDecimal("0.5"), new BigDecimal("0.5"), true);
                    ModelCost cost = MonthlyCosts.costOf(side, profile);
                    assertThat(cost.monthlyUsd().signum()).isNotNegative();
                    assertThat(cost.inputRoute()).isEqualTo("good");
                });
    }

    // Examples.

    @Test
    void buysInputAndOutputFromTheCheapestActiveRoutes() {
        Side side = aModel("x")
                .withRoute(aRoute("a").named("Alpha").priced("0.05", "0.10"))
                .withRoute(aRoute("b").named("Beta").priced("0.03", "0.20"))
                .withRoute(aRoute("c").named("Gamma").priced("0.01", "0.01").deprecated())
                .side();
        ModelCost cost = MonthlyCosts.costOf(side, DEFAULT);
        // 800M × 0.03 / 1M + 250M × 0.10 / 1M = 24 + 25
        assertThat(cost).isEqualTo(new ModelCost("x", new BigDecimal("49.00"), "Beta", "Alpha", new BigDecimal("0.03"),
                new BigDecimal("0.10"), "Cheapest tracked input: Beta; output: Alpha"));
    }

    @Test
    void takesTheEarlierRouteOnATie() {
        Side side = aModel("x")
                .withRoute(aRoute("a").named("Alpha").priced("0.03", "0.14"))
                .withRoute(aRoute("b").named("Beta").priced("0.030", "0.140"))
                .side();
        assertThat(MonthlyCosts.costOf(side, DEFAULT).note()).isEqualTo("Cheapest tracked route/tier: Alpha");
    }

    @Test
    void chargesTheCachedShareAtTheCachedPrice() {
        Side side = aModel("x").withRoute(aRoute("a").priced("1.00", "2.00").withCachedInput("0.10")).side();
        TrafficProfile profile = new TrafficProfile("cached", 1_000, 1_000, 100, new BigDecimal("0.25"), null, false);
        // 1M input tokens: 750k × 1.00 + 250k × 0.10 = 0.775; 100k output × 2.00 = 0.20
        assertThat(MonthlyCosts.costOf(side, profile).monthlyUsd()).isEqualTo(new BigDecimal("0.98"));
    }

    @Test
    void chargesCachedTokensAtTheInputPriceWhenTheRouteHasNoCachedPrice() {
        Side side = aModel("x").withRoute(aRoute("a").priced("1.00", "2.00")).side();
        TrafficProfile profile = new TrafficProfile("cached", 1_000, 1_000, 100, new BigDecimal("0.25"), null, false);
        assertThat(MonthlyCosts.costOf(side, profile).monthlyUsd()).isEqualTo(new BigDecimal("1.20"));
    }

    @Test
    void usesBatchPricesOnlyWhenTheProfileIsBatch() {
        Side side = aModel("x").withRoute(aRoute("a").priced("1.00", "2.00").withBatch("0.50", "1.00")).side();
        TrafficProfile online = new TrafficProfile("online", 1_000, 1_000, 1_000, null, null, false);
        TrafficProfile batch = new TrafficProfile("batch", 1_000, 1_000, 1_000, null, null, true);
        assertThat(MonthlyCosts.costOf(side, online).monthlyUsd()).isEqualTo(new BigDecimal("3.00"));
        assertThat(MonthlyCosts.costOf(side, batch).monthlyUsd()).isEqualTo(new BigDecimal("1.50"));
        assertThat(MonthlyCosts.costOf(side, batch).inputPricePerMTok()).isEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void fallsBackToTheBasePriceWhenBatchPricesAreAbsent() {
        Side side = aModel("x").withRoute(aRoute("a").priced("1.00", "2.00").withBatch(null, "1.00")).side();
        TrafficProfile batch = new TrafficProfile("batch", 1_000, 1_000, 1_000, null, null, true);
        assertThat(MonthlyCosts.costOf(side, batch).monthlyUsd()).isEqualTo(new BigDecimal("2.00"));
    }

    @Test
    void chargesTheLongContextShareAtTheFirstTier() {
        Side side = aModel("x").withRoute(aRoute("a").priced("1.00", "2.00")
                .withTier(500_000, "9.00", "9.00")
                .withTier(200_000, "2.00", null)).side();
        TrafficProfile profile = new TrafficProfile("long", 1_000, 1_000, 1_000, null, new BigDecimal("0.10"), false);
        // input: 900k × 1.00 + 100k × 2.00 = 1.10; output: the tier has no output price, so all 1M × 2.00 = 2.00
        assertThat(MonthlyCosts.costOf(side, profile).monthlyUsd()).isEqualTo(new BigDecimal("3.10"));
    }

    @Test
    void ignoresTheLongContextShareOnRoutesWithoutTiers() {
        Side side = aModel("x").withRoute(aRoute("a").priced("1.00", "2.00")).side();
        TrafficProfile profile = new TrafficProfile("long", 1_000, 1_000, 1_000, null, new BigDecimal("0.10"), false);
        assertThat(MonthlyCosts.costOf(side, profile).monthlyUsd()).isEqualTo(new BigDecimal("3.00"));
    }

    @Test
    void aModelWithoutAnInputPriceHasNoMonthlyCost() {
        Side side = aModel("x")
                .withRoute(aRoute("a").priced(null, "0.14"))
                .withRoute(aRoute("b").priced("0.01", "0.01").deprecated())
                .side();
        assertThat(MonthlyCosts.costOf(side, DEFAULT))
                .isEqualTo(new ModelCost("x", null, null, null, null, null, "No complete token price in local provider data"));
    }

    @Test
    void trafficWithoutOutputTokensNeedsNoOutputPrice() {
        Side side = aModel("x").withRoute(aRoute("a").named("Alpha").priced("0.50", null)).side();
        TrafficProfile embeddings = new TrafficProfile("embed", 1_000_000, 100, 0, null, null, false);
        assertThat(MonthlyCosts.costOf(side, embeddings).monthlyUsd()).isEqualTo(new BigDecimal("50.00"));
        assertThat(MonthlyCosts.costOf(side, DEFAULT).monthlyUsd()).isNull();
    }

    @Test
    void roundsOnceAtTheEndNotPerPart() {
        // 1,000 requests of 1 input and 1 output token: every part is a fraction of a cent.
        TrafficProfile tiny = new TrafficProfile("tiny", 1_000, 1, 1, new BigDecimal("0.5"), null, false);
        Side side = aModel("x")
                .withRoute(aRoute("a").named("Alpha").priced("9.00", "9.00").withCachedInput("1.00"))
                .withRoute(aRoute("b").named("Beta").priced("9.00", "4.00"))
                .withRoute(aRoute("c").named("Gamma").priced("12.00", "12.00").withCachedInput("0.10"))
                .side();
        // input from Alpha: 500 × 9 + 500 × 1 = 5,000 token-dollars = $0.005 (its parts $0.0045 and $0.0005 would round to 0.00 and 0.00)
        // output from Beta: 1,000 × 4 = $0.004 (0.00 alone); together $0.009 → $0.01
        ModelCost cost = MonthlyCosts.costOf(side, tiny);
        assertThat(cost.monthlyUsd()).isEqualTo(new BigDecimal("0.01"));
        assertThat(cost.note()).isEqualTo("Cheapest tracked input: Alpha; output: Beta");
    }

    @Test
    void statesTheDeltaFromTheCheaperModel() {
        MonthlyCosts costs = new MonthlyCosts(DEFAULT, List.of(1_000L));
        Side cheap = aModel("cheap").named("Cheap").withRoute(aRoute("a").priced("0.03", "0.14")).side();
        Side dear = aModel("dear").named("Dear").withRoute(aRoute("a").priced("1.25", "10")).side();

        MonthlyCost section = costs.compare(dear, cheap);
        assertThat(section.deltaUsd()).isEqualTo(new BigDecimal("-3441.00"));
        assertThat(section.deltaNote()).isEqualTo("Dear costs $3,441.00 more per month than Cheap at this traffic.");
        assertThat(section.models()).extracting(ModelCost::modelId).containsExactly("dear", "cheap");
        assertThat(section.curve()).containsExactly(new CostPoint(1_000, new BigDecimal("3.50"), new BigDecimal("0.06")));

        MonthlyCost same = costs.compare(cheap, aModel("twin").withRoute(aRoute("b").priced("0.03", "0.14")).side());
        assertThat(same.deltaUsd()).isEqualByComparingTo("0");
        assertThat(same.deltaNote()).isEqualTo("Both cost $59.00 per month at this traffic.");
    }

    private static Gen<TrafficProfile> profiles() {
        Gen<BigDecimal> shares = Generate.range(0, 100).map(percent -> BigDecimal.valueOf(percent, 2));
        return in -> new TrafficProfile("random",
                Generate.longRange(0, 10_000_000).generate(in),
                Generate.longRange(0, 10_000).generate(in),
                Generate.longRange(0, 10_000).generate(in),
                Generate.booleans().generate(in) ? null : shares.generate(in),
                Generate.booleans().generate(in) ? null : shares.generate(in),
                Generate.booleans().generate(in));
    }
}
