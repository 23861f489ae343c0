package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.engine.Capability.REASONING;
import static org.llmreference.comparison.engine.Capability.VISION;
import static org.llmreference.comparison.engine.Sides.aModel;
import static org.llmreference.comparison.engine.Sides.aRoute;

import org.junit.jupiter.api.Test;

class DeepDiveTest {

    @Test
    void saysWhenBothModelsExposeTheSameCapabilities() {
        assertThat(DeepDive.capabilities(aModel("a").exposing(VISION, REASONING).model(), aModel("b").exposing(VISION, REASONING).model()))
                .startsWith("Both models expose the same capabilities in local data: vision and reasoning. With the"
                        + " capability footprint level,");
        assertThat(DeepDive.capabilities(aModel("a").model(), aModel("b").exposing().model()))
                .startsWith("No exposed capability is recorded for either model in local data.");
    }

    @Test
    void comparesInputPricesWhenBothAreSourced() {
        Side a = aModel("a").named("A").withRoute(aRoute("p").priced("0.03", "0.14")).side();
        Side b = aModel("b").named("B").withRoute(aRoute("p").priced("2.5", "10")).withRoute(aRoute("q").priced("3", "12")).side();
        assertThat(DeepDive.pricing(a, b)).isEqualTo("Pricing is sourced for both: A has $0.03/1M input tokens and B has"
                + " $2.50/1M input tokens. Provider availability is 1 tracked route versus 2. Compare the monthly estimate at"
                + " your own traffic, then verify the route you will actually call before estimating production spend.");
    }

    @Test
    void putsThePricedModelFirstWhenCoverageIsUneven() {
        Side a = aModel("a").named("A").side();
        Side b = aModel("b").named("B").withRoute(aRoute("p").priced("0.5", null)).side();
        assertThat(DeepDive.pricing(a, b)).isEqualTo("Pricing coverage is uneven: B has $0.50/1M input tokens and A has no"
                + " token price sourced yet. Provider availability is 1 tracked route versus 0. Treat unknown pricing as an"
                + " integration gap, then verify the route you will actually call before estimating production spend.");
    }

    @Test
    void saysWhenNeitherModelIsPriced() {
        Side a = aModel("a").named("A").withRoute(aRoute("p").priced("0.5", "1").deprecated()).side();
        assertThat(DeepDive.pricing(a, aModel("b").named("B").side())).isEqualTo("Neither model has a token price sourced"
                + " yet. Provider availability is 1 tracked route versus 0. Treat unknown pricing as an integration gap,"
                + " then verify the route you will actually call before estimating production spend.");
    }
}
