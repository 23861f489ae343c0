package org.llmreference.comparison.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.DimensionScore;
import org.llmreference.contracts.comparison.Fact;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.FactTable;
import org.llmreference.contracts.comparison.Faq;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.contracts.comparison.SwitchFriction;
import org.llmreference.contracts.comparison.Tradeoff;

/**
 * The demo pair against the reference page (shared/reference/gpt-oss-20b-vs-qwen3.5-4b.txt):
 * every fact the page shows comes out of the general rules, word for word.
 */
class GoldenComparisonTest {

    private static final String GPT = "gpt-oss-20b";
    private static final String QWEN = "qwen3.5-4b";
    private static final List<RelatedPair> RELATED = List.of(new RelatedPair("gpt-oss-120b-vs-gpt-oss-20b", "gpt-oss-120b vs gpt-oss-20b"));

    private final Comparison page = new ComparisonEngine(EngineSettings.defaults())
            .compare(DemoSides.of(QWEN), DemoSides.of(GPT), RELATED);

    @Test
    void titlesThePairWithModelAFirst() {
        assertThat(page.pairId()).isEqualTo("gpt-oss-20b-vs-qwen3.5-4b");
        assertThat(page.title()).isEqualTo("gpt-oss-20b vs Qwen3.5-4B");
        assertThat(page.modelA().id()).isEqualTo(GPT);
        assertThat(page.modelA().releaseYear()).isEqualTo(2025);
        assertThat(page.modelA().contextWindow()).isEqualTo(131_072);
        assertThat(page.modelB().name()).isEqualTo("Qwen3.5-4B");
        assertThat(page.modelB().vendor()).isEqualTo("Alibaba");
    }

    @Test
    void introducesBothModels() {
        assertThat(page.intro()).isEqualTo("gpt-oss-20b (2025) and Qwen3.5-4B (2026) are general-purpose language models"
                + " from OpenAI and Alibaba. gpt-oss-20b ships a 131k-token context window, while Qwen3.5-4B ships a"
                + " 262k-token context window. This comparison covers specs, pricing, API access, capabilities,"
                + " benchmarks, input and output token costs, and production fit for coding and agent workloads. It"
                + " focuses on practical selection signals rather than broad model-family marketing. The goal is to make"
                + " the tradeoff clear before deeper testing.");
    }

    @Test
    void findsQwenSaferAndGptOssTheChoiceForProviderFit() {
        assertThat(page.verdict().sentence())
                .isEqualTo("Qwen3.5-4B is safer overall; choose gpt-oss-20b when provider fit matters.");
        assertThat(page.verdict().saferModelId()).isEqualTo(QWEN);
        assertThat(page.verdict().alternativeModelId()).isEqualTo(GPT);
        assertThat(page.verdict().alternativeDimension()).isEqualTo("provider fit");
        assertThat(page.verdict().totalA()).isEqualByComparingTo("56.6");
        assertThat(page.verdict().totalB()).isEqualByComparingTo("60.4");
    }

    @Test
    void showsTheSevenDimensionsWithPriceAndBenchmarksNotScored() {
        assertThat(page.verdict().dimensions())
                .extracting(DimensionScore::dimension, DimensionScore::weight, DimensionScore::scoreA, DimensionScore::scoreB,
                        DimensionScore::reason)
                .containsExactly(
                        tuple("Context window", new BigDecimal("20"), new BigDecimal("0.57"), new BigDecimal("0.71"), "131k vs 262k tokens"),
                        tuple("Capability breadth", new BigDecimal("20"), new BigDecimal("0.30"), new BigDecimal("0.20"), "3 vs 2 of 10 capabilities"),
                        tuple("License openness", new BigDecimal("15"), new BigDecimal("0.60"), new BigDecimal("1.00"), "Open Weights vs Apache 2.0"),
                        tuple("Provider coverage", new BigDecimal("10"), new BigDecimal("0.81"), new BigDecimal("0.00"), "9 vs 0 tracked routes"),
                        tuple("Price", new BigDecimal("10"), null, null, "not scored: Qwen3.5-4B has no complete price"),
                        tuple("Shared benchmarks", new BigDecimal("10"), null, null, "not scored: no shared benchmark rows"),
                        tuple("Recency", new BigDecimal("15"), new BigDecimal("0.71"), new BigDecimal("1.00"), "released 2025-08-05 vs 2026-03-02"));
    }

    @Test
    void fillsTheScorecard() {
        assertThat(texts(page.scorecard())).containsExactly(
                List.of("Best for", "tool-calling agents and provider-routed production", "multimodal apps"),
                List.of("Decision fit", "RAG, Agents, and Long context", "Long context and Vision"),
                List.of("Context window", "131k", "262k"),
                List.of("Cheapest output", "$0.14/1M tokens", "-"),
                List.of("Provider routes", "9 tracked", "0 tracked"),
                List.of("Shared benchmarks", "0 rows", "0 rows"));
        Fact cheapestOutput = page.scorecard().get(3).a();
        assertThat(cheapestOutput.sourceTitle()).isEqualTo("OpenRouter");
        assertThat(cheapestOutput.sourceUrl()).isEqualTo("https://openrouter.ai/openai/gpt-oss-20b");
        assertThat(cheapestOutput.verifiedAt()).isEqualTo(LocalDate.of(2026, 5, 22));
        assertThat(page.scorecard().get(3).b()).isEqualTo(Fact.unknown());
        assertThat(page.scorecard().get(2).b().sourceUrl()).isEqualTo("https://huggingface.co/Qwen/Qwen3.5-4B");
    }

    @Test
    void listsTheTradeoffsOfEachModel() {
        assertThat(page.tradeoffs()).containsExactly(
                new Tradeoff(GPT, List.of(
                        "gpt-oss-20b has broader tracked provider coverage for fallback and procurement flexibility.",
                        "gpt-oss-20b uniquely exposes Function calling, Tool use, and Structured outputs in local model data.",
                        "Local decision data tags gpt-oss-20b for RAG, Agents, and Long context.")),
                new Tradeoff(QWEN, List.of(
                        "Qwen3.5-4B has the larger context window for long prompts, retrieval packs, or transcript analysis.",
                        "Qwen3.5-4B uniquely exposes Vision and Multimodal in local model data.",
                        "Local decision data tags Qwen3.5-4B for Long context and Vision.")));
    }

    @Test
    void costsGptOss59DollarsAMonthViaOpenRouterAndQwenIsUnavailable() {
        ModelCost gpt = page.monthlyCost().models().get(0);
        assertThat(gpt).isEqualTo(new ModelCost(GPT, new BigDecimal("59.00"), "OpenRouter", "OpenRouter",
                new BigDecimal("0.03"), new BigDecimal("0.14"), "Cheapest tracked route/tier: OpenRouter"));
        assertThat(page.monthlyCost().models().get(1))
                .isEqualTo(new ModelCost(QWEN, null, null, null, null, null, "No complete token price in local provider data"));
        assertThat(page.monthlyCost().deltaUsd()).isNull();
        assertThat(page.monthlyCost().deltaNote())
                .isEqualTo("Cost delta unavailable until both models have sourced input and output token prices.");
        assertThat(page.monthlyCost().profile()).isEqualTo(EngineSettings.DEFAULT_PROFILE);
        assertThat(page.monthlyCost().curve()).extracting(p -> p.requestsPerMonth(), p -> p.modelAUsd(), p -> p.modelBUsd())
                .containsExactly(
                        tuple(10_000L, new BigDecimal("0.59"), null),
                        tuple(100_000L, new BigDecimal("5.90"), null),
                        tuple(1_000_000L, new BigDecimal("59.00"), null),
                        tuple(10_000_000L, new BigDecimal("590.00"), null));
    }

    @Test
    void describesSwitchFrictionBothWays() {
        assertThat(page.switchFriction()).containsExactly(
                new SwitchFriction(GPT, QWEN, List.of(
                        "No overlapping tracked provider route is sourced for gpt-oss-20b and Qwen3.5-4B; plan for SDK, billing, or endpoint changes.",
                        "Check replacement coverage for Function calling, Tool use, and Structured outputs before moving production traffic.",
                        "Qwen3.5-4B adds Vision and Multimodal in local capability data.")),
                new SwitchFriction(QWEN, GPT, List.of(
                        "No overlapping tracked provider route is sourced for Qwen3.5-4B and gpt-oss-20b; plan for SDK, billing, or endpoint changes.",
                        "Check replacement coverage for Vision and Multimodal before moving production traffic.",
                        "gpt-oss-20b adds Function calling, Tool use, and Structured outputs in local capability data.")));
    }

    @Test
    void fillsTheSpecsTable() {
        assertThat(page.specs().caption()).isEqualTo("Specs");
        assertThat(page.specs().rowHeader()).isEqualTo("Specification");
        assertThat(texts(page.specs().rows())).containsExactly(
                List.of("Released", "2025-08-05", "2026-03-02"),
                List.of("Context window", "131k", "262k"),
                List.of("Parameters", "20B", "4B"),
                List.of("Architecture", "decoder only", "-"),
                List.of("License", "Open Weights", "Apache 2.0"),
                List.of("Knowledge cutoff", "2025-08", "-"));
        assertThat(page.specs().rows().get(0).a().sourceUrl()).isEqualTo("https://openai.com/index/introducing-gpt-oss/");
        assertThat(page.specs().rows().get(3).b()).isEqualTo(Fact.unknown());
    }

    @Test
    void fillsThePricingTable() {
        FactTable pricing = page.pricing();
        assertThat(pricing.caption()).isEqualTo("Pricing and availability");
        assertThat(pricing.rowHeader()).isEqualTo("Pricing attribute");
        assertThat(texts(pricing.rows())).containsExactly(
                List.of("Input price", "$0.03/1M tokens", "-"),
                List.of("Output price", "$0.14/1M tokens", "-"),
                List.of("Providers", "Cloudflare Workers AI, OpenRouter, Fireworks AI, GCP Vertex AI, NVIDIA NIM, Groq,"
                        + " Together AI, DeepInfra, and Amazon Bedrock", "-"));
        assertThat(pricing.rows().get(0).a().sourceTitle()).isEqualTo("OpenRouter");
    }

    @Test
    void fillsTheCapabilitiesTable() {
        assertThat(page.capabilities().caption()).isEqualTo("Capabilities");
        assertThat(texts(page.capabilities().rows())).containsExactly(
                List.of("Vision", "No", "Yes"),
                List.of("Multimodal", "No", "Yes"),
                List.of("Reasoning", "No", "No"),
                List.of("Function calling", "Yes", "No"),
                List.of("Tool use", "Yes", "No"),
                List.of("Structured outputs", "Yes", "No"),
                List.of("Code execution", "No", "No"),
                List.of("IDE integration", "No", "No"),
                List.of("Computer use", "No", "No"),
                List.of("Parallel agents", "No", "No"));
    }

    @Test
    void hasNoSharedBenchmarkRows() {
        assertThat(page.benchmarks()).isEqualTo(new FactTable("Benchmarks", "Benchmark", List.of(),
                "No shared benchmark rows are currently sourced for this pair."));
    }

    @Test
    void writesTheDeepDiveFromTheSameFacts() {
        assertThat(page.deepDive()).hasSize(3);
        assertThat(page.deepDive().get(0)).isEqualTo("The capability footprint differs most on vision: Qwen3.5-4B,"
                + " multimodal input: Qwen3.5-4B, function calling: gpt-oss-20b, tool use: gpt-oss-20b, and structured"
                + " outputs: gpt-oss-20b. Both models share the core language-model surface, so the practical split is not"
                + " just feature count. Use those differences to decide whether the page is about raw model quality,"
                + " agentic coding support, multimodal ingestion, or predictable structured API behavior.");
        assertThat(page.deepDive().get(1)).isEqualTo("Pricing coverage is uneven: gpt-oss-20b has $0.03/1M input tokens"
                + " and Qwen3.5-4B has no token price sourced yet. Provider availability is 9 tracked routes versus 0."
                + " Treat unknown pricing as an integration gap, then verify the route you will actually call before"
                + " estimating production spend.");
        assertThat(page.deepDive().get(2)).isEqualTo("Choose gpt-oss-20b when provider fit and broader provider choice are"
                + " central to the workload. Choose Qwen3.5-4B when long-context analysis and larger context windows are"
                + " more important. For production, rerun your own prompts through the exact provider, region, and tool"
                + " stack you plan to ship. This keeps the decision grounded in measurable tradeoffs instead of brand-level"
                + " assumptions. It also helps separate model capability from provider packaging, which can change cost and"
                + " latency. For teams standardizing a stack, that distinction is often the difference between a benchmark"
                + " win and a reliable deployment.");
    }

    @Test
    void answersTheFaqWordForWord() {
        assertThat(page.faq()).containsExactly(
                new Faq("Which has a larger context window, gpt-oss-20b or Qwen3.5-4B?",
                        "Qwen3.5-4B supports 262k tokens, while gpt-oss-20b supports 131k tokens. That gap matters most for"
                                + " long documents, large codebases, retrieval-heavy agents, and conversations where earlier"
                                + " context must remain visible. Use this as a quick comparison signal, then confirm the"
                                + " provider-specific limits before committing to production."),
                new Faq("Is gpt-oss-20b or Qwen3.5-4B open source?",
                        "gpt-oss-20b is listed under Open Weights. Qwen3.5-4B is listed under Apache 2.0. License labels"
                                + " affect whether you can self-host, redistribute weights, or rely only on hosted APIs, so"
                                + " confirm the upstream license before deployment."),
                new Faq("Which is better for vision, gpt-oss-20b or Qwen3.5-4B?",
                        "Qwen3.5-4B has the clearer documented vision signal in this comparison. If vision is"
                                + " mission-critical, validate it against the provider endpoint because model-level support and"
                                + " API-level exposure can differ. Use this as a quick comparison signal, then confirm the"
                                + " provider-specific limits before committing to production."),
                new Faq("Which is better for multimodal input, gpt-oss-20b or Qwen3.5-4B?",
                        "Qwen3.5-4B has the clearer documented multimodal input signal in this comparison. If multimodal"
                                + " input is mission-critical, validate it against the provider endpoint because model-level"
                                + " support and API-level exposure can differ."),
                new Faq("Which is better for function calling, gpt-oss-20b or Qwen3.5-4B?",
                        "gpt-oss-20b has the clearer documented function calling signal in this comparison. If function"
                                + " calling is mission-critical, validate it against the provider endpoint because model-level"
                                + " support and API-level exposure can differ."),
                new Faq("Where can I run gpt-oss-20b and Qwen3.5-4B?",
                        "gpt-oss-20b is available on Cloudflare Workers AI, OpenRouter, Fireworks AI, GCP Vertex AI, and"
                                + " NVIDIA NIM. Qwen3.5-4B is available on the tracked providers still being sourced. Provider"
                                + " coverage can affect latency, region availability, compliance posture, and fallback options."));
    }

    @Test
    void closesWithRelatedPairsReviewDateAndSources() {
        assertThat(page.related()).isEqualTo(RELATED);
        assertThat(page.lastReviewed()).isEqualTo(LocalDate.of(2026, 5, 22));
        assertThat(page.sources()).extracting(s -> s.url())
                .containsExactly("https://openai.com/index/introducing-gpt-oss/", "https://huggingface.co/Qwen/Qwen3.5-4B");
    }

    @Test
    void computesTheSamePageEveryTime() {
        Comparison again = new ComparisonEngine(EngineSettings.defaults())
                .compare(DemoSides.of(GPT), DemoSides.of(QWEN), RELATED);
        assertThat(again).isEqualTo(page);
        assertThat(again.hashCode()).isEqualTo(page.hashCode());
    }

    /** Each row as [label, text of A, text of B]. */
    static List<List<String>> texts(List<FactRow> rows) {
        return rows.stream().map(row -> List.of(row.label(), row.a().text(), row.b().text())).toList();
    }
}
