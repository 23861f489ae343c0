package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.engine.Capability.CODE_EXECUTION;
import static org.llmreference.comparison.engine.Capability.COMPUTER_USE;
import static org.llmreference.comparison.engine.Capability.PARALLEL_AGENTS;
import static org.llmreference.comparison.engine.Capability.REASONING;
import static org.llmreference.comparison.engine.Sides.aModel;
import static org.llmreference.comparison.engine.Sides.aRoute;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.Faq;

class FaqsTest {

    @Test
    void asksAboutAtMostThreeDifferingCapabilitiesInPageOrder() {
        Side a = aModel("a").named("A").exposing(PARALLEL_AGENTS, REASONING).side();
        Side b = aModel("b").named("B").exposing(COMPUTER_USE, CODE_EXECUTION).side();
        assertThat(Faqs.of(a, b)).extracting(Faq::question).containsExactly(
                "Which has a larger context window, A or B?",
                "Is A or B open source?",
                "Which is better for reasoning, A or B?",
                "Which is better for code execution, A or B?",
                "Which is better for computer use, A or B?",
                "Where can I run A and B?");
    }

    @Test
    void answersTheContextQuestionForEqualAndUnknownWindows() {
        assertThat(Faqs.contextWindow(aModel("a").named("A").withContextWindow(131_072).model(),
                aModel("b").named("B").withContextWindow(131_072).model()))
                .startsWith("A and B both support 131k tokens, so context size does not separate them;");
        assertThat(Faqs.contextWindow(aModel("a").named("A").model(), aModel("b").named("B").withContextWindow(262_144).model()))
                .startsWith("B supports 262k tokens, while A's context window is not sourced yet.");
        assertThat(Faqs.contextWindow(aModel("a").named("A").model(), aModel("b").named("B").model()))
                .startsWith("Neither A nor B has a sourced context window yet.");
    }

    @Test
    void saysWhenNoLicenseIsSourced() {
        assertThat(Faqs.license(aModel("a").named("A").withOpenWeights(false).model(), aModel("b").named("B").model()))
                .startsWith("A is listed under Proprietary. B has no license sourced yet. License labels affect");
    }

    @Test
    void namesAtMostFiveProvidersEachOnce() {
        Sides.ModelBuilder model = aModel("a").named("A");
        for (String provider : List.of("P1", "P2", "P2", "P3", "P4", "P5", "P6")) {
            model.withRoute(aRoute(provider.toLowerCase()).named(provider));
        }
        Faq where = Faqs.of(model.side(), aModel("b").named("B").side()).get(2);
        assertThat(where.answer()).isEqualTo("A is available on P1, P2, P3, P4, and P5. B is available on the tracked"
                + " providers still being sourced. Provider coverage can affect latency, region availability, compliance"
                + " posture, and fallback options.");
    }
}
