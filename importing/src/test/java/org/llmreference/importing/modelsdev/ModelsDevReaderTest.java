package org.llmreference.importing.modelsdev;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.RouteEntry;

class ModelsDevReaderTest {

    @TempDir
    static Path tmp;

    static ModelsDevReader.Result result;
    static List<String> progress = new ArrayList<>();

    @BeforeAll
    static void readFixture() {
        result = new ModelsDevReader(LocalDate.of(2026, 7, 2)).readWithCounts(FixtureTree.copyTo(tmp), progress::add);
    }

    static CatalogBundle bundle() {
        return result.bundle();
    }

    static ModelSnapshot model(String id) {
        return bundle().models().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no model " + id + " in " + bundle().models().stream().map(ModelSnapshot::id).toList()));
    }

    static List<RouteEntry> routes(String modelId) {
        return bundle().routes().stream().filter(r -> r.modelId().equals(modelId)).toList();
    }

    static RouteEntry route(String modelId, String providerId) {
        return routes(modelId).stream().filter(r -> r.providerId().equals(providerId)).findFirst()
                .orElseThrow(() -> new AssertionError("no route " + modelId + " × " + providerId));
    }

    @Test
    void followsSymlinksAndSkipsDanglingOnes() {
        assertThat(result.counts().symlinksFollowed()).isEqualTo(2); // a real one and a git placeholder
        assertThat(result.counts().danglingSymlinks()).isEqualTo(1);
        assertThat(route("gpt-oss-20b", "groq").inputPricePerMTok()).isEqualByComparingTo("0.029");
        assertThat(route("qwen3.5-397b-a17b", "amazon-bedrock").outputPricePerMTok()).isEqualByComparingTo("2.45");
    }

    @Test
    void mergesOneModelOfferedBySeveralProvidersUnderDifferentIds() {
        assertThat(bundle().models().stream().filter(m -> m.id().contains("gpt-oss-20b"))).hasSize(1);
        assertThat(routes("gpt-oss-20b")).extracting(RouteEntry::providerId)
                .containsExactly("amazon-bedrock", "groq", "openrouter");
    }

    @Test
    void keepsThePlainFileOverTheFreeVariantOfTheSameProvider() {
        RouteEntry openrouter = route("gpt-oss-20b", "openrouter");
        assertThat(openrouter.inputPricePerMTok()).isEqualByComparingTo("0.029");
        assertThat(openrouter.outputPricePerMTok()).isEqualByComparingTo("0.14");
        assertThat(result.counts().variantRoutesFolded()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void keepsAFreeVariantWithoutPriceWhenItIsTheOnlyOne() {
        RouteEntry free = route("gpt-4o-mini", "openrouter");
        assertThat(free.inputPricePerMTok()).isNull();
        assertThat(free.outputPricePerMTok()).isNull();
    }

    @Test
    void keepsThePlainBedrockIdOverTheRegionalOne() {
        RouteEntry bedrock = route("claude-sonnet-4-5-20250929", "amazon-bedrock");
        assertThat(bedrock.region()).isNull();
        assertThat(bedrock.inputPricePerMTok()).isEqualByComparingTo("3");
        assertThat(bedrock.cacheWritePricePerMTok()).isEqualByComparingTo("3.75");
    }

    @Test
    void inheritsFromBaseModelAndHonoursBaseModelOmit() {
        RouteEntry openrouter = route("qwen3.5-397b-a17b", "openrouter");
        assertThat(openrouter.contextWindow()).as("limit.context omitted, not inherited").isNull();
        ModelSnapshot qwen = model("qwen3.5-397b-a17b");
        assertThat(qwen.name()).isEqualTo("Qwen3.5-397B-A17B");
        assertThat(qwen.vendor()).isEqualTo("Alibaba");
        assertThat(qwen.contextWindow()).isEqualTo(262_144);
        assertThat(qwen.license()).isEqualTo("Apache 2.0");
        assertThat(qwen.capabilities().vision()).isTrue();
        assertThat(qwen.capabilities().multimodal()).isTrue();
        assertThat(qwen.releaseDate()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(qwen.benchmarks()).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("SWE-Bench Pro");
            assertThat(b.verified()).isTrue();
        });
    }

    @Test
    void resolvesTheLegacyExtendsWithItsOmitList() {
        RouteEntry bedrock = route("gpt-oss-120b", "amazon-bedrock");
        assertThat(bedrock.inputPricePerMTok()).isEqualByComparingTo("0.18");
        assertThat(bedrock.outputPricePerMTok()).isEqualByComparingTo("0.6");
        assertThat(bedrock.cachedInputPricePerMTok()).isNull();
        assertThat(bedrock.contextWindow()).isEqualTo(128_000);
        assertThat(route("gpt-oss-120b", "groq").cachedInputPricePerMTok()).isEqualByComparingTo("0.075");
    }

    @Test
    void mergesSnapshotIdsWhenTheModelHasOnlyOneDate() {
        assertThat(routes("claude-sonnet-4-5-20250929")).extracting(RouteEntry::providerId)
                .containsExactly("amazon-bedrock", "openrouter");
        assertThat(bundle().models()).extracting(ModelSnapshot::id).doesNotContain("claude-sonnet-4-5", "claude-sonnet-4.5");
    }

    @Test
    void keepsSnapshotsApartWhenTheModelHasSeveralDates() {
        assertThat(bundle().models()).extracting(ModelSnapshot::id)
                .contains("gpt-4o", "gpt-4o-2024-08-06", "gpt-4o-2024-11-20");
        assertThat(model("gpt-4o-2024-08-06").status()).isEqualTo(ModelStatus.DEPRECATED);
        assertThat(model("gpt-4o").status()).isEqualTo(ModelStatus.ACTIVE);
    }

    @Test
    void refusesABaseModelClaimWhenTheProviderIdHasAnExtraSnapshotStamp() {
        assertThat(result.counts().baseClaimsRejected()).isEqualTo(1);
        assertThat(routes("qwen3.5-397b-a17b-2507")).extracting(RouteEntry::providerId).containsExactly("openrouter");
    }

    @Test
    void joinsAMixtureOfExpertsIdWithoutActiveSizeToItsOnlyVariant() {
        assertThat(route("qwen3.5-397b-a17b", "groq").inputPricePerMTok()).isEqualByComparingTo("0.6");
        assertThat(bundle().models()).extracting(ModelSnapshot::id).doesNotContain("qwen3.5-397b");
    }

    @Test
    void takesSpecsFromTheCreatorsOwnRouteBeforeOtherRoutes() {
        assertThat(model("gpt-4o").contextWindow()).isEqualTo(128_000);
        assertThat(model("gpt-4o").name()).isEqualTo("GPT-4o");
    }

    @Test
    void takesTheMostCommonValueWhenThereIsNoMetadataOrCreatorRoute() {
        ModelSnapshot gptOss = model("gpt-oss-20b");
        assertThat(gptOss.vendor()).isEqualTo("OpenAI");
        assertThat(gptOss.contextWindow()).isEqualTo(131_072);
        assertThat(gptOss.maxOutputTokens()).isEqualTo(131_072);
        assertThat(gptOss.openWeights()).isTrue();
        assertThat(gptOss.parametersBillions()).isEqualByComparingTo("20");
        assertThat(gptOss.knowledgeCutoff()).isEqualTo("2024-06");
        assertThat(gptOss.capabilities().functionCalling()).isTrue();
        assertThat(gptOss.capabilities().codeExecution()).isNull();
    }

    @Test
    void roundsPricesToTenSignificantDigits() {
        assertThat(route("qwen3.5-397b-a17b", "openrouter").inputPricePerMTok()).isEqualTo(new BigDecimal("0.05"));
    }

    @Test
    void dropsPricesAboveTenThousandAndCountsThem() {
        RouteEntry route = route("gpt-4o-2024-11-20", "openai");
        assertThat(route.inputPricePerMTok()).isEqualByComparingTo("2.5");
        assertThat(route.outputPricePerMTok()).isNull();
        assertThat(result.counts().skipped()).containsEntry("price outside 0..10000 (price dropped)", 1);
    }

    @Test
    void readsContextTiers() {
        assertThat(route("claude-sonnet-4-5-20250929", "openrouter").contextTiers())
                .containsExactly(new ContextTier(100_000, new BigDecimal("6"), new BigDecimal("22.5")));
    }

    @Test
    void dropsAContextTierThatStartsAtOrAboveTheRoutesContextWindow() {
        assertThat(route("gpt-4o", "openrouter").contextWindow()).isEqualTo(999_999);
        assertThat(route("gpt-4o", "openrouter").contextTiers()).isEmpty();
        assertThat(result.counts().skipped())
                .containsEntry("context tier at or above the route's context window (tier dropped: it can never apply)", 1);
    }

    @Test
    void skipsEmbeddingModels() {
        assertThat(bundle().models()).extracting(ModelSnapshot::id).doesNotContain("text-embedding-3-small");
        assertThat(result.counts().skipped()).containsKey("embedding, reranker, speech or moderation model");
    }

    @Test
    void describesProvidersWithTheirDocUrlWhenItIsHttp() {
        assertThat(bundle().providers()).extracting(p -> p.id() + "|" + p.name() + "|" + p.url()).containsExactly(
                "amazon-bedrock|Amazon Bedrock|https://docs.aws.amazon.com/bedrock/latest/userguide/models-supported.html",
                "groq|Groq|null",
                "openai|OpenAI|https://platform.openai.com/docs/models",
                "openrouter|OpenRouter|https://openrouter.ai/models");
        assertThat(route("gpt-oss-20b", "groq").sourceUrl()).isNull();
        assertThat(route("gpt-oss-20b", "openrouter").verifiedAt()).isEqualTo(LocalDate.of(2026, 7, 2));
    }

    @Test
    void reportsProgressAndCounts() {
        assertThat(progress).last().asString().contains("models", "routes", "providers", "ms");
        assertThat(result.counts().models()).isEqualTo(bundle().models().size());
        assertThat(result.counts().routes()).isEqualTo(bundle().routes().size());
    }

    @Test
    void readingTwiceGivesEqualBundles() {
        assertThat(new ModelsDevReader(LocalDate.of(2026, 7, 2)).read(tmp, line -> { })).isEqualTo(bundle());
    }
}
