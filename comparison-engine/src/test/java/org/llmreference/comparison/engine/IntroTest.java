package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.engine.Sides.aModel;

import org.junit.jupiter.api.Test;

class IntroTest {

    private static final String CLOSING = " This comparison covers specs, pricing, API access, capabilities, benchmarks,"
            + " input and output token costs, and production fit for coding and agent workloads. It focuses on practical"
            + " selection signals rather than broad model-family marketing. The goal is to make the tradeoff clear before"
            + " deeper testing.";

    @Test
    void namesOneVendorWhenBothModelsComeFromIt() {
        String intro = Intro.of(aModel("a").named("A").fromVendor("OpenAI").releasedOn("2025-01-01").withContextWindow(8_192).model(),
                aModel("b").named("B").fromVendor("OpenAI").releasedOn("2024-05-01").withContextWindow(1_048_576).model());
        assertThat(intro).isEqualTo("A (2025) and B (2024) are general-purpose language models from OpenAI. A ships an"
                + " 8k-token context window, while B ships a 1M-token context window." + CLOSING);
    }

    @Test
    void leavesOutWhatIsNotSourced() {
        String intro = Intro.of(aModel("a").named("A").fromVendor("OpenAI").withContextWindow(131_072).model(),
                aModel("b").named("B").releasedOn("2026-03-02").model());
        assertThat(intro).isEqualTo("A and B (2026) are general-purpose language models from OpenAI. A ships a 131k-token"
                + " context window, while B's context window is not sourced yet." + CLOSING);
    }

    @Test
    void dropsTheVendorClauseAndContextHalvesWhenNothingIsKnown() {
        String intro = Intro.of(aModel("a").named("A").model(), aModel("b").named("B").model());
        assertThat(intro).isEqualTo("A and B are general-purpose language models. Neither model's context window is"
                + " sourced yet." + CLOSING);
    }

    @Test
    void saysWhichContextWindowIsMissingWhenItIsTheFirst() {
        String intro = Intro.of(aModel("a").named("A").model(), aModel("b").named("B").withContextWindow(262_144).model());
        assertThat(intro).contains("A's context window is not sourced yet, while B ships a 262k-token context window.");
    }
}
