package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.engine.Capability.REASONING;
import static org.llmreference.comparison.engine.Capability.VISION;
import static org.llmreference.comparison.engine.Sides.aModel;
import static org.llmreference.comparison.engine.Sides.aRoute;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.SwitchFriction;

class SwitchFrictionsTest {

    @Test
    void namesTheProvidersServingBothInTheOrderOfTheModelMovedFrom() {
        Side from = aModel("a").named("A").exposing(VISION, REASONING)
                .withRoute(aRoute("groq").named("Groq"))
                .withRoute(aRoute("openrouter").named("OpenRouter"))
                .withRoute(aRoute("nvidia").named("NVIDIA NIM"))
                .side();
        Side to = aModel("b").named("B").exposing(VISION, REASONING)
                .withRoute(aRoute("openrouter").named("OpenRouter"))
                .withRoute(aRoute("groq").named("Groq").deprecated())
                .side();
        assertThat(SwitchFrictions.moving(from, to)).isEqualTo(new SwitchFriction("a", "b", List.of(
                "Groq and OpenRouter serve both A and B, so a switch there keeps the same SDK, billing, and endpoint.",
                "B exposes every capability A does in local capability data.")));
        assertThat(SwitchFrictions.moving(to, from).bullets().get(0))
                .isEqualTo("OpenRouter and Groq serve both B and A, so a switch there keeps the same SDK, billing, and endpoint.");
    }

    @Test
    void usesTheSingularVerbForOneSharedProvider() {
        Side from = aModel("a").named("A").exposing(VISION).withRoute(aRoute("groq").named("Groq")).side();
        Side to = aModel("b").named("B").exposing(REASONING).withRoute(aRoute("groq").named("Groq")).side();
        assertThat(SwitchFrictions.moving(from, to).bullets()).containsExactly(
                "Groq serves both A and B, so a switch there keeps the same SDK, billing, and endpoint.",
                "Check replacement coverage for Vision before moving production traffic.",
                "B adds Reasoning in local capability data.");
    }

    @Test
    void treatsAnUnknownCapabilityOfTheTargetAsOneToRecheck() {
        Side from = aModel("a").named("A").exposing(VISION).side();
        Side to = aModel("b").named("B").side();
        assertThat(SwitchFrictions.moving(from, to).bullets()).containsExactly(
                "No overlapping tracked provider route is sourced for A and B; plan for SDK, billing, or endpoint changes.",
                "Check replacement coverage for Vision before moving production traffic.");
    }
}
