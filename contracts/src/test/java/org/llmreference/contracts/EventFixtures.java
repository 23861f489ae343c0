package org.llmreference.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.llmreference.contracts.catalog.Benchmark;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelRetired;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.catalog.Modalities;
import org.llmreference.contracts.catalog.SourceRef;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.contracts.comparison.ComparisonWithdrawn;
import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.DimensionScore;
import org.llmreference.contracts.comparison.Fact;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.FactTable;
import org.llmreference.contracts.comparison.Faq;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.contracts.comparison.MonthlyCost;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.contracts.comparison.RouteCost;
import org.llmreference.contracts.comparison.RouteUnfit;
import org.llmreference.contracts.comparison.SwitchFriction;
import org.llmreference.contracts.comparison.Tradeoff;
import org.llmreference.contracts.comparison.TrafficProfile;
import org.llmreference.contracts.comparison.Verdict;
import org.llmreference.contracts.identity.AccountChanged;
import org.llmreference.contracts.imports.ImportProgressed;
import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.UpstreamSource;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.RouteWithdrawn;

/** One fully populated event of every type, with fixed ids and times so golden files can pin them. */
final class EventFixtures {

    static final Instant OCCURRED_AT = Instant.parse("2026-05-22T09:30:00.125Z");
    static final String CAUSED_BY = "5f1b9a8e-6a53-4c1e-9d55-0c2a8e3b7d11";

    private EventFixtures() {
    }

    static ModelSnapshot gptOss20b() {
        return new ModelSnapshot("gpt-oss-20b", "gpt-oss-20b", "OpenAI", "gpt-oss", LocalDate.parse("2025-08-05"),
                "2025-08", 131_072, 131_072, new BigDecimal("20"), "decoder only", "Open Weights", true,
                new Modalities(List.of("text"), List.of("text")),
                new Capabilities(false, false, false, true, true, true, false, false, false, false),
                List.of("RAG", "Agents", "Long context"),
                List.of(new Benchmark("MMLU", new BigDecimal("85.3"), "%", "https://openai.com/index/introducing-gpt-oss/", false)),
                List.of(new SourceRef("gpt-oss model card", "https://openai.com/index/introducing-gpt-oss/", LocalDate.parse("2026-05-22"))),
                ModelStatus.ACTIVE, null, null, List.of("openai-gpt-oss-20b"));
    }

    static Envelope<ModelChanged> modelChanged() {
        return envelope(new ModelChanged(gptOss20b(), List.of("contextWindow", "decisionTags")), "gpt-oss-20b", 3,
                "0b6f2d55-1a0c-4c57-8d5e-2f9d3e0f6a01");
    }

    static Envelope<ModelRetired> modelRetired() {
        ModelSnapshot active = gptOss20b();
        ModelSnapshot retired = new ModelSnapshot(active.id(), active.name(), active.vendor(), active.family(),
                active.releaseDate(), active.knowledgeCutoff(), active.contextWindow(), active.maxOutputTokens(),
                active.parametersBillions(), active.architecture(), active.license(), active.openWeights(),
                active.modalities(), active.capabilities(), active.decisionTags(), active.benchmarks(), active.sources(),
                ModelStatus.RETIRED, LocalDate.parse("2026-06-30"), "gpt-oss-120b", active.aliases());
        return envelope(new ModelRetired(retired, List.of("status", "retiresOn", "successorId")), "gpt-oss-20b", 4,
                "0b6f2d55-1a0c-4c57-8d5e-2f9d3e0f6a02");
    }

    static RouteSnapshot openRouter() {
        return new RouteSnapshot("openrouter", "OpenRouter", new RouteTerms(new BigDecimal("0.03"),
                new BigDecimal("0.14"), new BigDecimal("0.015"), new BigDecimal("0.0375"), null, null,
                List.of(new ContextTier(128_000, new BigDecimal("0.06"), new BigDecimal("0.28"))), 131_072, "global",
                RouteStatus.ACTIVE, "https://openrouter.ai/openai/gpt-oss-20b", LocalDate.parse("2026-05-22")),
                Instant.parse("2026-05-01T00:00:00Z"), List.of(
                        new PriceStep(Instant.parse("2026-03-10T00:00:00Z"), new BigDecimal("0.05"),
                                new BigDecimal("0.2"), null, null, null, null, "import"),
                        new PriceStep(Instant.parse("2026-05-01T00:00:00Z"), new BigDecimal("0.03"),
                                new BigDecimal("0.14"), new BigDecimal("0.015"), new BigDecimal("0.0375"), null, null,
                                "editor")));
    }

    static RouteSnapshot fireworks() {
        return new RouteSnapshot("fireworks-ai", "Fireworks AI", new RouteTerms(new BigDecimal("0.07"),
                new BigDecimal("0.30"), null, null, new BigDecimal("0.035"), new BigDecimal("0.15"), List.of(), null, null,
                RouteStatus.ACTIVE, "https://fireworks.ai/pricing", LocalDate.parse("2026-05-20")),
                new UpstreamSource("accounts/fireworks/models/gpt-oss-20b",
                        "providers/fireworks-ai/models/accounts/fireworks/models/gpt-oss-20b.toml",
                        "3f2c9e1d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e", Instant.parse("2026-05-20T14:02:11Z"),
                        List.of("providers/fireworks-ai/models/accounts/fireworks/models/gpt-oss-20b-flex.toml")),
                null);
    }

    static Envelope<RouteChanged> routeChanged() {
        return envelope(new RouteChanged("gpt-oss-20b", "openrouter", List.of(fireworks(), openRouter()),
                List.of("outputPricePerMTok")), "gpt-oss-20b", 12, "0b6f2d55-1a0c-4c57-8d5e-2f9d3e0f6a03");
    }

    static Envelope<RouteWithdrawn> routeWithdrawn() {
        return envelope(new RouteWithdrawn("gpt-oss-20b", "fireworks-ai", List.of(openRouter())), "gpt-oss-20b", 13,
                "0b6f2d55-1a0c-4c57-8d5e-2f9d3e0f6a04");
    }

    static Comparison comparison() {
        ModelSummary a = new ModelSummary("gpt-oss-20b", "gpt-oss-20b", "OpenAI", 2025, 131_072, ModelStatus.ACTIVE);
        ModelSummary b = new ModelSummary("qwen3.5-4b", "Qwen3.5-4B", "Alibaba", 2026, 262_144, ModelStatus.ACTIVE);
        Fact unknown = Fact.unknown();
        return new Comparison("gpt-oss-20b-vs-qwen3.5-4b", a, b, "gpt-oss-20b vs Qwen3.5-4B",
                "gpt-oss-20b (2025) and Qwen3.5-4B (2026) are general-purpose language models from OpenAI and Alibaba.",
                new Verdict("qwen3.5-4b", "gpt-oss-20b", "provider fit",
                        "Qwen3.5-4B is safer overall; choose gpt-oss-20b when provider fit matters.",
                        List.of(new DimensionScore("context window", new BigDecimal("0.20"), new BigDecimal("0.50"),
                                new BigDecimal("1.00"), "262k vs 131k tokens")),
                        new BigDecimal("45.3"), new BigDecimal("48.3")),
                List.of(new FactRow("Context window", new Fact("131k", "gpt-oss model card",
                        "https://openai.com/index/introducing-gpt-oss/", LocalDate.parse("2026-05-22")), new Fact("262k", null, null, null))),
                List.of(new Tradeoff("gpt-oss-20b", List.of("gpt-oss-20b has broader tracked provider coverage for fallback and procurement flexibility."))),
                new MonthlyCost(new TrafficProfile("default", 100_000, 1_500, 500, new BigDecimal("0.00"), new BigDecimal("0.00"), false),
                        List.of(new ModelCost("gpt-oss-20b", new BigDecimal("11.50"), "OpenRouter", "OpenRouter",
                                        new BigDecimal("0.03"), new BigDecimal("0.14"), null),
                                new ModelCost("qwen3.5-4b", null, null, null, null, null, "No complete token price in local provider data")),
                        null, "Cost delta unavailable until both models have sourced input and output token prices.",
                        List.of(new CostPoint(10_000, new BigDecimal("1.15"), null))),
                List.of(new SwitchFriction("gpt-oss-20b", "qwen3.5-4b", List.of("Check replacement coverage for Function calling before moving production traffic."))),
                new FactTable("Specs", "Specification", List.of(new FactRow("Parameters", new Fact("20B", null, null, null), unknown)), null),
                new FactTable("Pricing and availability", "Pricing attribute", List.of(), null),
                new FactTable("Capabilities", "Capability", List.of(new FactRow("Vision", new Fact("No", null, null, null), new Fact("Yes", null, null, null))), null),
                new FactTable("Benchmarks", "Benchmark", List.of(), "No shared benchmark rows are currently sourced for this pair."),
                List.of("Pricing coverage is uneven."),
                List.of(new Faq("Which has a larger context window, gpt-oss-20b or Qwen3.5-4B?",
                        "Qwen3.5-4B supports 262k tokens, while gpt-oss-20b supports 131k tokens.")),
                List.of(new RelatedPair("gpt-oss-120b-vs-gpt-oss-20b", "gpt-oss-120b vs gpt-oss-20b")),
                LocalDate.parse("2026-05-22"),
                List.of(new SourceRef("Public model cards and provider documentation", null, null)),
                List.of(new RouteCost("openrouter", "OpenRouter", openRouter().terms(), new BigDecimal("11.50"), true,
                                List.of()),
                        new RouteCost("fireworks-ai", "Fireworks AI", fireworks().terms(), null, false,
                                List.of(RouteUnfit.CONTEXT_TOO_SMALL), fireworks().upstream())),
                List.of());
    }

    static Envelope<ComparisonChanged> comparisonChanged() {
        return envelope(new ComparisonChanged(comparison(), "sha256:9c1f0e", List.of("pricing", "monthlyCost")),
                "gpt-oss-20b-vs-qwen3.5-4b", 7, "0b6f2d55-1a0c-4c57-8d5e-2f9d3e0f6a05", "pricing.RouteChanged.v1");
    }

    static Envelope<ComparisonWithdrawn> comparisonWithdrawn() {
        return envelope(new ComparisonWithdrawn("gpt-oss-20b-vs-qwen3.5-4b", "gpt-oss-20b", "qwen3.5-4b",
                "gpt-oss-20b was retired"), "gpt-oss-20b-vs-qwen3.5-4b", 8, "0b6f2d55-1a0c-4c57-8d5e-2f9d3e0f6a06",
                "catalog.ModelRetired.v1");
    }

    static Envelope<AccountChanged> accountChanged() {
        return envelope(new AccountChanged("ada", "Ada Lovelace", List.of("editor", "ops"), false,
                List.of(new AccountChanged.LiveToken("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        Instant.parse("2026-05-22T17:30:00Z")),
                        new AccountChanged.LiveToken("60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", null))),
                "ada", 3, "3c2b8f1e-7d4a-4b6e-9a1f-5e8d2c7b9a40").withAuthor("admin");
    }

    static Envelope<ImportProgressed> importProgressed() {
        return envelope(new ImportProgressed("2026-05-22T09-30-00Z-models.dev", "models.dev@8d1e2f3", 1177, 500,
                OCCURRED_AT.minusSeconds(20), OCCURRED_AT, null), "2026-05-22T09-30-00Z-models.dev", 2,
                "0b6f2d55-1a0c-4c57-8d5e-2f9d3e0f6a07");
    }

    static List<Envelope<?>> all() {
        return List.of(modelChanged(), modelRetired(), routeChanged(), routeWithdrawn(), comparisonChanged(),
                comparisonWithdrawn(), accountChanged(), importProgressed());
    }

    private static <P extends EventPayload> Envelope<P> envelope(P payload, String aggregateId, long revision, String eventId) {
        return envelope(payload, aggregateId, revision, eventId, null);
    }

    private static <P extends EventPayload> Envelope<P> envelope(P payload, String aggregateId, long revision, String eventId,
            String causeType) {
        EventType type = EventType.of(payload);
        return new Envelope<>(UUID.fromString(eventId), type.wireName(), type.schemaVersion(), aggregateId, revision,
                OCCURRED_AT, CAUSED_BY, causeType, payload);
    }
}
