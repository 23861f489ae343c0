package org.llmreference.importing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Slugs;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ProviderEntry;
import org.llmreference.importing.bundle.RouteEntry;

class DemoCatalogTest {

    static final LocalDate REVIEWED = LocalDate.of(2026, 5, 22);
    static final Set<String> TAG_VOCABULARY = Set.of("RAG", "Agents", "Long context", "Vision", "Coding", "Reasoning",
            "Low cost", "Multilingual");

    final CatalogBundle demo = DemoCatalog.load();

    ModelSnapshot model(String id) {
        return demo.models().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    List<RouteEntry> routes(String modelId) {
        return demo.routes().stream().filter(r -> r.modelId().equals(modelId)).toList();
    }

    @Test
    void describesGptOss20bAsOnTheReferencePage() {
        ModelSnapshot m = model("gpt-oss-20b");
        assertThat(m.name()).isEqualTo("gpt-oss-20b");
        assertThat(m.vendor()).isEqualTo("OpenAI");
        assertThat(m.family()).isEqualTo("gpt-oss");
        assertThat(m.releaseDate()).isEqualTo(LocalDate.of(2025, 8, 5));
        assertThat(m.knowledgeCutoff()).isEqualTo("2025-08");
        assertThat(m.contextWindow()).isEqualTo(131_072);
        assertThat(m.maxOutputTokens()).isEqualTo(131_072);
        assertThat(m.parametersBillions()).isEqualByComparingTo("20");
        assertThat(m.architecture()).isEqualTo("decoder only");
        assertThat(m.license()).isNull();
        assertThat(m.openWeights()).isTrue();
        assertThat(m.modalities().input()).containsExactly("text");
        assertThat(m.modalities().output()).containsExactly("text");
        assertThat(m.capabilities()).isEqualTo(new Capabilities(false, false, false, true, true, true, false, false, false, false));
        assertThat(m.decisionTags()).containsExactly("RAG", "Agents", "Long context");
        assertThat(m.benchmarks()).isEmpty();
        assertThat(m.sources()).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Public model cards and provider documentation");
            assertThat(s.url()).startsWith("https://");
            assertThat(s.reviewedAt()).isEqualTo(REVIEWED);
        });
        assertThat(m.status()).isEqualTo(ModelStatus.ACTIVE);
    }

    @Test
    void describesQwen35FourBWithoutAnyRoute() {
        ModelSnapshot m = model("qwen3.5-4b");
        assertThat(m.name()).isEqualTo("Qwen3.5-4B");
        assertThat(m.vendor()).isEqualTo("Alibaba");
        assertThat(m.family()).isEqualTo("qwen3.5");
        assertThat(m.releaseDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(m.knowledgeCutoff()).isNull();
        assertThat(m.contextWindow()).isEqualTo(262_144);
        assertThat(m.parametersBillions()).isEqualByComparingTo("4");
        assertThat(m.architecture()).isNull();
        assertThat(m.license()).isEqualTo("Apache 2.0");
        assertThat(m.openWeights()).isTrue();
        assertThat(m.modalities().input()).containsExactly("text", "image");
        assertThat(m.modalities().output()).containsExactly("text");
        assertThat(m.capabilities()).isEqualTo(new Capabilities(true, true, false, false, false, false, false, false, false, false));
        assertThat(m.decisionTags()).containsExactly("Long context", "Vision");
        assertThat(m.benchmarks()).isEmpty();
        assertThat(m.sources()).extracting(s -> s.reviewedAt()).containsExactly(REVIEWED);
        assertThat(m.status()).isEqualTo(ModelStatus.ACTIVE);
        assertThat(routes("qwen3.5-4b")).isEmpty();
    }

    @Test
    void tracksNineRoutesForGptOss20bInPageOrder() {
        List<RouteEntry> routes = routes("gpt-oss-20b");
        assertThat(routes).extracting(RouteEntry::providerId).containsExactly("cloudflare-workers-ai", "openrouter",
                "fireworks-ai", "google-vertex", "nvidia", "groq", "togetherai", "deepinfra", "amazon-bedrock");
        assertThat(routes).allSatisfy(r -> {
            assertThat(r.sourceUrl()).startsWith("https://");
            assertThat(r.verifiedAt()).isEqualTo(REVIEWED);
            assertThat(r.status()).isEqualTo(RouteStatus.ACTIVE);
            assertThat(r.contextWindow()).isEqualTo(131_072);
            assertThat(r.inputPricePerMTok()).isNotNull();
            assertThat(r.outputPricePerMTok()).isNotNull();
        });
        assertThat(routes.subList(0, 5)).extracting(r -> providerName(r.providerId())).containsExactly(
                "Cloudflare Workers AI", "OpenRouter", "Fireworks AI", "GCP Vertex AI", "NVIDIA NIM");
        assertThat(routes.subList(5, 9)).extracting(r -> providerName(r.providerId())).containsExactly(
                "Groq", "Together AI", "DeepInfra", "Amazon Bedrock");
    }

    @Test
    void makesOpenRouterTheUniqueCheapestRouteForGptOss20b() {
        RouteEntry openrouter = routes("gpt-oss-20b").stream().filter(r -> r.providerId().equals("openrouter")).findFirst().orElseThrow();
        assertThat(openrouter.inputPricePerMTok()).isEqualByComparingTo("0.03");
        assertThat(openrouter.outputPricePerMTok()).isEqualByComparingTo("0.14");
        assertThat(routes("gpt-oss-20b")).filteredOn(r -> !r.providerId().equals("openrouter")).allSatisfy(r -> {
            assertThat(r.inputPricePerMTok()).isGreaterThan(openrouter.inputPricePerMTok());
            assertThat(r.outputPricePerMTok()).isGreaterThan(openrouter.outputPricePerMTok());
        });
    }

    @Test
    void holdsADozenOtherWellKnownModelsWithRoutes() {
        assertThat(demo.models()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(demo.models()).filteredOn(m -> !m.id().equals("qwen3.5-4b"))
                .allSatisfy(m -> assertThat(routes(m.id())).isNotEmpty());
        assertThat(demo.models()).extracting(ModelSnapshot::id).contains("gpt-4o", "claude-sonnet-4-5", "gemini-2.5-pro",
                "llama-3.3-70b", "deepseek-v3.2", "qwen3.5-397b-a17b", "gpt-oss-120b");
    }

    @Test
    void isInternallyConsistent() {
        Set<String> modelIds = demo.models().stream().map(ModelSnapshot::id).collect(Collectors.toSet());
        Set<String> providerIds = demo.providers().stream().map(ProviderEntry::id).collect(Collectors.toSet());
        assertThat(modelIds).hasSize(demo.models().size()).allMatch(Slugs::isValid);
        assertThat(providerIds).hasSize(demo.providers().size()).allMatch(Slugs::isValid);
        assertThat(demo.routes()).allMatch(r -> modelIds.contains(r.modelId()), "route of a known model")
                .allMatch(r -> providerIds.contains(r.providerId()), "route of a known provider");
        assertThat(demo.routes().stream().map(r -> r.modelId() + "|" + r.providerId()).distinct()).hasSize(demo.routes().size());
        Stream<Function<RouteEntry, BigDecimal>> prices = Stream.of(RouteEntry::inputPricePerMTok,
                RouteEntry::outputPricePerMTok, RouteEntry::cachedInputPricePerMTok, RouteEntry::cacheWritePricePerMTok);
        assertThat(prices.flatMap(p -> demo.routes().stream().map(p)).filter(Objects::nonNull))
                .allMatch(p -> p.signum() >= 0 && p.compareTo(new BigDecimal("10000")) <= 0);
        assertThat(demo.models()).flatExtracting(ModelSnapshot::decisionTags).allMatch(TAG_VOCABULARY::contains);
    }

    @Test
    void priceTiersStartBelowTheirRoutesContextWindow() {
        demo.routes().stream().filter(r -> r.contextWindow() != null).forEach(r -> r.contextTiers()
                .forEach(tier -> assertThat(tier.aboveTokens()).as(r.modelId() + "/" + r.providerId())
                        .isLessThan(r.contextWindow().longValue())));
    }

    private String providerName(String id) {
        return demo.providers().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().name();
    }
}
