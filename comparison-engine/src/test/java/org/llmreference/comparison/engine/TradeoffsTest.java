package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.engine.Capability.REASONING;
import static org.llmreference.comparison.engine.Capability.TOOL_USE;
import static org.llmreference.comparison.engine.Sides.aModel;
import static org.llmreference.comparison.engine.Sides.aRoute;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.Tradeoff;

class TradeoffsTest {

    private final ComparisonEngine engine = new ComparisonEngine(EngineSettings.defaults());

    @Test
    void favoursTheCheaperModelAtTheStatedTraffic() {
        Side cheap = aModel("a").named("Cheap").exposing(REASONING).withRoute(aRoute("p").priced("0.03", "0.14")).side();
        Side dear = aModel("b").named("Dear").exposing(REASONING, TOOL_USE).withRoute(aRoute("p").priced("1.25", "10")).side();
        Comparison page = engine.compare(cheap, dear, List.of());
        assertThat(page.tradeoffs()).containsExactly(
                new Tradeoff("a", List.of("Cheap has the lower monthly cost at the stated traffic ($59.00 vs $3,500.00).")),
                new Tradeoff("b", List.of("Dear uniquely exposes Tool use in local model data.")));
        assertThat(page.deepDive().get(2)).startsWith("Choose Cheap when lower token spend at the stated traffic is the"
                + " priority. Choose Dear when tool use is required. For production,");
    }

    @Test
    void saysSoWhenNoSignalFavoursAModel() {
        Side known = aModel("a").named("Known").withContextWindow(8_192).withDecisionTags("Coding", "Agents", "Coding", " ").side();
        Side blank = aModel("b").named("Blank").side();
        Comparison page = engine.compare(known, blank, List.of());
        assertThat(page.tradeoffs()).containsExactly(
                new Tradeoff("a", List.of(
                        "Known has the larger context window for long prompts, retrieval packs, or transcript analysis.",
                        "Local decision data tags Known for Coding and Agents.")),
                new Tradeoff("b", List.of("No tracked signal favours Blank yet.")));
        assertThat(page.deepDive().get(2)).startsWith("Choose Known when long-context analysis and larger context windows"
                + " are more important. For production,");
    }

    @Test
    void anUnknownContextWindowFavoursNeither() {
        Comparison page = engine.compare(aModel("a").side(), aModel("b").side(), List.of());
        assertThat(page.tradeoffs()).extracting(Tradeoff::bullets)
                .containsExactly(List.of("No tracked signal favours a yet."), List.of("No tracked signal favours b yet."));
        assertThat(page.deepDive().get(2)).startsWith("For production, rerun your own prompts");
    }

    @Test
    void themesTheDeepDiveWithTheWorkloadTagsWhenTheyComeFirst() {
        Side tagged = aModel("a").named("Tagged").withDecisionTags("RAG").side();
        Side other = aModel("b").named("Other").exposing(REASONING, TOOL_USE).side();
        assertThat(engine.compare(tagged, other, List.of()).deepDive().get(2))
                .startsWith("Choose Tagged when the workload matches RAG. Choose Other when reasoning and tool use are required.");
    }
}
