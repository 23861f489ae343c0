package org.llmreference.importing.modelsdev;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Slugs;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.importing.SharedData;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ModelAlias;
import org.llmreference.importing.bundle.ProviderEntry;
import org.llmreference.importing.bundle.RouteEntry;

/** The reader over the real models.dev snapshot in the shared folder (skipped where it is absent). */
class RealModelsDevTreeTest {

    static Path tree;
    static ModelsDevReader.Result result;

    @BeforeAll
    static void readTheRealTree() {
        tree = SharedData.modelsDevTree();
        result = new ModelsDevReader().readWithCounts(tree, line -> { });
        System.out.println("[real models.dev tree] " + result.counts().summary());
    }

    static CatalogBundle bundle() {
        return result.bundle();
    }

    @Test
    void importsHundredsOfModelsAndThousandsOfRoutes() {
        assertThat(bundle().models()).hasSizeGreaterThan(500);
        assertThat(bundle().routes()).hasSizeGreaterThan(2_000);
        assertThat(bundle().providers()).hasSizeGreaterThan(100);
        assertThat(result.counts().danglingSymlinks()).isPositive();
        assertThat(result.counts().symlinksFollowed()).isPositive();
    }

    @Test
    void findsGptOss20bFromOpenAiWithItsContextWindow() {
        ModelSnapshot gptOss = bundle().models().stream().filter(m -> m.id().equals("gpt-oss-20b")).findFirst().orElseThrow();
        assertThat(gptOss.vendor()).isEqualTo("OpenAI");
        assertThat(gptOss.contextWindow()).isEqualTo(131_072);
        assertThat(gptOss.parametersBillions()).isEqualByComparingTo("20");
    }

    @Test
    void mergesAModelOfferedBySeveralProvidersIntoOne() {
        assertThat(bundle().routes().stream().filter(r -> r.modelId().equals("gpt-oss-20b")).map(RouteEntry::providerId))
                .hasSizeGreaterThan(10)
                .contains("openrouter", "groq", "amazon-bedrock", "deepinfra", "togetherai");
        assertThat(bundle().models()).extracting(ModelSnapshot::id).doesNotContain("gpt-oss-20b-free", "openai-gpt-oss-20b");
    }

    @Test
    void hasOneRoutePerModelAndProviderAndOnlyKnownIds() {
        Map<String, Long> perPair = bundle().routes().stream()
                .collect(Collectors.groupingBy(r -> r.modelId() + "|" + r.providerId(), Collectors.counting()));
        assertThat(perPair.values()).allMatch(count -> count == 1);
        var modelIds = bundle().models().stream().map(ModelSnapshot::id).collect(Collectors.toSet());
        var providerIds = bundle().providers().stream().map(ProviderEntry::id).collect(Collectors.toSet());
        assertThat(bundle().routes()).allMatch(r -> modelIds.contains(r.modelId()) && providerIds.contains(r.providerId()));
    }

    @Test
    void everyIdIsASlug() {
        assertThat(bundle().models()).extracting(ModelSnapshot::id).allMatch(Slugs::isValid);
        assertThat(bundle().providers()).extracting(ProviderEntry::id).allMatch(Slugs::isValid);
    }

    @Test
    void noPriceIsNegativeOrAboveTenThousand() {
        Stream<Function<RouteEntry, BigDecimal>> prices = Stream.of(RouteEntry::inputPricePerMTok,
                RouteEntry::outputPricePerMTok, RouteEntry::cachedInputPricePerMTok, RouteEntry::cacheWritePricePerMTok);
        assertThat(prices.flatMap(price -> bundle().routes().stream().map(price)).filter(Objects::nonNull))
                .allMatch(p -> p.signum() >= 0 && p.compareTo(new BigDecimal("10000")) <= 0);
        assertThat(bundle().models()).allMatch(m -> m.contextWindow() == null || m.contextWindow() > 0);
    }

    static ModelSnapshot model(String id) {
        return bundle().models().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no model " + id));
    }

    @Test
    void takesThePlainNeuralwattFileForKimiK27CodeAndFoldsTheFlexVariants() {
        RouteEntry route = bundle().routes().stream()
                .filter(r -> r.modelId().equals("kimi-k2.7-code") && r.providerId().equals("neuralwatt")).findFirst().orElseThrow();
        assertThat(route.inputPricePerMTok()).isEqualByComparingTo("0.95");
        assertThat(route.outputPricePerMTok()).isEqualByComparingTo("4");
        assertThat(route.cachedInputPricePerMTok()).isEqualByComparingTo("0.2375");
        assertThat(bundle().models()).extracting(ModelSnapshot::id).doesNotContain("kimi-k2.6-flex", "kimi-k2.7-code-flex");
    }

    @Test
    void takesMorphsContextWindowsFromMorphsOwnFiles() {
        assertThat(model("morph-v3-large").contextWindow()).isEqualTo(32_000);
        assertThat(model("morph-v3-fast").contextWindow()).isEqualTo(16_000);
        assertThat(model("morph-v3-large").vendor()).isEqualTo("Morph");
    }

    @Test
    void givesEveryDisplayNameToOneModelOnlyAndKeepsTheOtherIdsAsAliases() {
        Map<String, Long> perName = bundle().models().stream()
                .collect(Collectors.groupingBy(ModelSnapshot::name, Collectors.counting()));
        assertThat(perName).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
        Map<String, String> aliases = bundle().aliases().stream()
                .collect(Collectors.toMap(ModelAlias::id, ModelAlias::modelId));
        assertThat(aliases).containsEntry("claude-opus4-6", "claude-opus-4-6")
                .containsEntry("deepseek-3.2", "deepseek-v3.2")
                .containsEntry("azure-gpt-4o", "gpt-4o")
                .containsEntry("anthropic--claude-3.5-sonnet", "claude-3.5-sonnet");
        var modelIds = bundle().models().stream().map(ModelSnapshot::id).collect(Collectors.toSet());
        assertThat(aliases.keySet()).noneMatch(modelIds::contains);
        assertThat(aliases.values()).allMatch(modelIds::contains);
    }

    @Test
    void keepsRoutersAndPlaceholdersOutOfTheCatalog() {
        assertThat(bundle().models()).extracting(ModelSnapshot::id)
                .doesNotContain("auto", "router", "free", "custom", "small", "fusion", "brave");
        assertThat(result.counts().placeholdersDropped()).contains("auto", "router", "free", "custom", "small", "fusion", "brave");
    }

    @Test
    void findsAVendorForAtLeast95PercentOfTheModels() {
        long withVendor = bundle().models().stream().filter(m -> m.vendor() != null).count();
        assertThat(withVendor * 100.0 / bundle().models().size()).isGreaterThanOrEqualTo(95.0);
    }

    @Test
    void readingTwiceGivesEqualBundles() {
        long started = System.nanoTime();
        CatalogBundle again = new ModelsDevReader().read(tree, line -> { });
        System.out.println("[real models.dev tree] second read in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        assertThat(again).isEqualTo(bundle());
    }
}
