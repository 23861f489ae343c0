package org.llmreference.importing.modelsdev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.importing.modelsdev.HandMadeTree.model;
import static org.llmreference.importing.modelsdev.HandMadeTree.route;
import static org.llmreference.importing.modelsdev.HandMadeTree.textModel;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.importing.bundle.Bundles;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ModelAlias;
import org.llmreference.importing.bundle.RouteEntry;

/** The import rules of importing/README.md, one hand-made tree per rule. */
class ImportRulesTest {

    @TempDir
    Path root;

    HandMadeTree tree() {
        return new HandMadeTree(root);
    }

    // variants

    @Test
    void takesThePlainFileOverAFlexVariantThatClaimsTheSameBaseModel() {
        ModelsDevReader.Result result = tree()
                .metadata("moonshotai", "kimi-k2.7-code", textModel("Kimi K2.7 Code", "0.95", "4", 262_144))
                .offer("neuralwatt", "moonshotai/Kimi-K2.7-Code", "base_model = \"moonshotai/kimi-k2.7-code\"",
                        "[cost]", "input = 0.95", "output = 4", "cache_read = 0.2375")
                .offer("neuralwatt", "kimi-k2.7-code-flex", "base_model = \"moonshotai/kimi-k2.7-code\"",
                        "name = \"Kimi K2.7 Code Flex\"", "[cost]", "input = 0.475", "output = 2", "cache_read = 0.11875")
                .read();

        RouteEntry route = route(result, "kimi-k2.7-code", "neuralwatt").orElseThrow();
        assertThat(route.inputPricePerMTok()).isEqualByComparingTo("0.95");
        assertThat(route.outputPricePerMTok()).isEqualByComparingTo("4");
        assertThat(route.cachedInputPricePerMTok()).isEqualByComparingTo("0.2375");
        assertThat(result.counts().variantRoutesFolded()).isEqualTo(1);
    }

    @Test
    void foldsAFlexVariantIntoItsModelInsteadOfKeepingItAsAModelOfItsOwn() {
        ModelsDevReader.Result result = tree()
                .offer("neuralwatt", "moonshotai/Kimi-K2.6", textModel("Kimi K2.6", "0.69", "3.22", 262_144))
                .offer("neuralwatt", "kimi-k2.6-flex", textModel("Kimi K2.6 Flex", "0.345", "1.61", 262_144))
                .read();

        assertThat(result.bundle().models()).extracting(ModelSnapshot::id).containsExactly("kimi-k2.6");
        assertThat(route(result, "kimi-k2.6", "neuralwatt").orElseThrow().inputPricePerMTok()).isEqualByComparingTo("0.69");
    }

    // creator routes

    @Test
    void takesTheContextWindowFromTheMakersOwnProviderFoundByItsOrgFolder() {
        ModelsDevReader.Result result = tree()
                .provider("morph", "Morph")
                .offer("morph", "morph-v3-large", textModel("Morph v3 Large", "0.9", "1.9", 32_000))
                .offer("openrouter", "morph/morph-v3-large", textModel("Morph V3 Large", "0.9", "1.9", 262_144))
                .offer("vercel", "morph/morph-v3-large", textModel("Morph V3 Large", "0.9", "1.9", 262_144))
                .read();

        ModelSnapshot morph = model(result, "morph-v3-large").orElseThrow();
        assertThat(morph.vendor()).isEqualTo("Morph");
        assertThat(morph.contextWindow()).isEqualTo(32_000);
        assertThat(morph.name()).isEqualTo("Morph v3 Large");
    }

    // one model, one entry

    @Test
    void joinsTwoSpellingsOfOneModelAndKeepsTheOtherIdAsAnAlias() {
        ModelsDevReader.Result result = tree()
                .metadata("anthropic", "claude-opus-4-6", textModel("Claude Opus 4.6", "5", "25", 200_000))
                .offer("anthropic", "claude-opus-4-6", textModel("Claude Opus 4.6", "5", "25", 200_000))
                .offer("cortecs", "claude-opus4-6", textModel("Claude Opus 4.6", "5.5", "27", 200_000))
                .read();

        assertThat(result.bundle().models()).extracting(ModelSnapshot::id).containsExactly("claude-opus-4-6");
        assertThat(result.bundle().aliases()).containsExactly(new ModelAlias("claude-opus4-6", "claude-opus-4-6"));
        assertThat(route(result, "claude-opus-4-6", "cortecs").orElseThrow().inputPricePerMTok()).isEqualByComparingTo("5.5");
        assertThat(result.counts().aliases()).isEqualTo(1);
    }

    @Test
    void joinsAHostPrefixedIdToTheModelItResells() {
        ModelsDevReader.Result result = tree()
                .offer("openai", "gpt-4o", textModel("GPT-4o", "2.5", "10", 128_000))
                .offer("nano-gpt", "azure-gpt-4o", textModel("Azure gpt-4o", "2.5", "10", 128_000))
                .read();

        assertThat(result.bundle().models()).extracting(ModelSnapshot::id).containsExactly("gpt-4o");
        assertThat(result.bundle().aliases()).containsExactly(new ModelAlias("azure-gpt-4o", "gpt-4o"));
        assertThat(route(result, "gpt-4o", "nano-gpt")).isPresent();
    }

    @Test
    void joinsIdsThatTheMakerGivesOneDisplayName() {
        ModelsDevReader.Result result = tree()
                .offer("mistral", "devstral-2512", textModel("Devstral 2", "0.4", "2", 262_144))
                .offer("mistral", "devstral-latest", textModel("Devstral 2", "0.4", "2", 262_144))
                .offer("openrouter", "mistralai/devstral-2512", textModel("Devstral 2", "0.4", "2", 262_144))
                .read();

        assertThat(result.bundle().models()).extracting(ModelSnapshot::id).containsExactly("devstral-2512");
        assertThat(result.bundle().aliases()).containsExactly(new ModelAlias("devstral-latest", "devstral-2512"));
        assertThat(result.bundle().routes()).extracting(RouteEntry::providerId).containsExactly("mistral", "openrouter");
    }

    @Test
    void keepsAProvidersFileUnderTheModelsOwnSpellingOverOneUnderAJoinedId() {
        ModelsDevReader.Result result = tree()
                .offer("openai", "gpt-4o", textModel("GPT-4o", "2.5", "10", 128_000))
                .offer("nano-gpt", "openai/gpt-4o", textModel("GPT-4o", "2.5", "10", 128_000))
                .offer("nano-gpt", "azure-gpt-4o", textModel("Azure gpt-4o", "2", "8", 128_000))
                .read();

        assertThat(route(result, "gpt-4o", "nano-gpt").orElseThrow().inputPricePerMTok()).isEqualByComparingTo("2.5");
        assertThat(result.counts().variantRoutesFolded()).isEqualTo(1);
    }

    @Test
    void joinsSapsDoubleDashClaudeIdsToTheirModelAndKeepsTheSpellingAsAnAlias() {
        ModelsDevReader.Result result = tree()
                .offer("anthropic", "claude-sonnet-4-5", textModel("Claude Sonnet 4.5", "3", "15", 200_000))
                .offer("sap-ai-core", "anthropic--claude-4.5-sonnet", textModel("anthropic--claude-4.5-sonnet", "3", "15", 200_000))
                .read();

        assertThat(result.bundle().models()).extracting(ModelSnapshot::id).containsExactly("claude-sonnet-4-5");
        assertThat(result.bundle().aliases()).containsExactly(new ModelAlias("anthropic--claude-4.5-sonnet", "claude-sonnet-4-5"));
        assertThat(route(result, "claude-sonnet-4-5", "sap-ai-core")).isPresent();
    }

    @Test
    void showsTheIdInsteadOfANameInheritedThroughARefusedBaseModelClaim() {
        ModelsDevReader.Result result = tree()
                .metadata("mistral", "mistral-large-latest", textModel("Mistral Large (latest)", "2", "6", 262_144))
                .offer("mistral", "mistral-large-latest", textModel("Mistral Large (latest)", "2", "6", 262_144))
                .offer("snowflake-cortex", "mistral-large2", "base_model = \"mistral/mistral-large-latest\"")
                .read();

        assertThat(result.counts().baseClaimsRejected()).isEqualTo(1);
        assertThat(model(result, "mistral-large2").orElseThrow().name()).isEqualTo("mistral-large2");
        assertThat(model(result, "mistral-large-latest").orElseThrow().name()).isEqualTo("Mistral Large (latest)");
        assertThat(result.bundle().aliases()).isEmpty();
    }

    @Test
    void keepsModelsApartWhenTheirVendorsDifferThoughTheyShareADisplayName() {
        ModelsDevReader.Result result = tree()
                .offer("openai", "gpt-9-turbo", textModel("Turbo", "1", "2", 128_000))
                .offer("anthropic", "claude-turbo-9", textModel("Turbo", "1", "2", 128_000))
                .read();

        assertThat(result.bundle().models()).extracting(ModelSnapshot::id).containsExactly("claude-turbo-9", "gpt-9-turbo");
        assertThat(result.bundle().aliases()).isEmpty();
    }

    @Test
    void keepsTwoSnapshotsWithDifferentDatesApartThoughTheyShareADisplayName() {
        ModelsDevReader.Result result = tree()
                .offer("openai", "gpt-9-2026-01-10", textModel("GPT-9", "1", "2", 128_000))
                .offer("openai", "gpt-9-2026-03-10", textModel("GPT-9", "1", "2", 128_000))
                .read();

        assertThat(result.bundle().models()).extracting(ModelSnapshot::id).containsExactly("gpt-9-2026-01-10", "gpt-9-2026-03-10");
    }

    // routers and placeholders

    @Test
    void keepsRoutersAndPlaceholdersOutOfTheCatalogAndListsThem() {
        ModelsDevReader.Result result = tree()
                .offer("openrouter", "openrouter/auto", textModel("Auto Router", "0", "0", 2_000_000))
                .offer("openrouter", "switchpoint/router", textModel("Switchpoint Router", "0.85", "3.4", 131_072))
                .offer("llmgateway", "custom", textModel("Custom Model", "0", "0", 128_000))
                .offer("kilo", "kilo-auto/small", textModel("Kilo Auto Small", "0.1", "0.4", 128_000))
                .offer("openrouter", "openai/gpt-4o", textModel("GPT-4o", "2.5", "10", 128_000))
                .read();

        assertThat(result.bundle().models()).extracting(ModelSnapshot::id).containsExactly("gpt-4o");
        assertThat(result.bundle().routes()).extracting(RouteEntry::modelId).containsOnly("gpt-4o");
        assertThat(result.counts().placeholdersDropped()).containsExactly("auto", "custom", "router", "small");
        assertThat(result.counts().summary()).contains("routers and placeholders kept out: auto, custom, router, small");
    }

    // vendors

    @Test
    void findsTheVendorFromABaseModelLabEvenWhenTheClaimIsNotUsedForGrouping() {
        ModelsDevReader.Result result = tree()
                .metadata("deepseek", "deepseek-v9", textModel("DeepSeek V9", "1", "2", 128_000))
                .offer("someprovider", "zeta-distill-9", "base_model = \"deepseek/deepseek-v9\"", "name = \"Zeta 9\"")
                .read();

        assertThat(result.counts().baseClaimsRejected()).isEqualTo(1);
        assertThat(model(result, "zeta-distill-9").orElseThrow().vendor()).isEqualTo("DeepSeek");
    }

    @Test
    void findsTheVendorFromTheFamilyWhenTheIdSaysNothing() {
        ModelsDevReader.Result result = tree()
                .offer("aihubmix", "alicloud-glm-9", textModel("GLM-9 (Alibaba Cloud)", "1", "2", 128_000))
                .offer("someprovider", "zzz-9", "family = \"glm\"", textModel("Zzz 9", "1", "2", 128_000)[0],
                        "[cost]", "input = 1", "output = 2")
                .read();

        assertThat(model(result, "alicloud-glm-9").orElseThrow().vendor()).isEqualTo("Zhipu AI");
        assertThat(model(result, "zzz-9").orElseThrow().vendor()).isEqualTo("Zhipu AI");
    }

    @Test
    void findsTheVendorFromAnOrgFolderOrTheMakersOwnProvider() {
        ModelsDevReader.Result result = tree()
                .provider("acme", "Acme Labs")
                .offer("acme", "widget-1", textModel("Widget 1", "1", "2", 64_000))
                .offer("openrouter", "acme/widget-2", textModel("Widget 2", "1", "2", 64_000))
                .offer("nano-gpt", "TheDrummer/Cydonia-99B", textModel("Cydonia 99B", "1", "2", 32_000))
                .offer("nano-gpt", "Newlab/Gizmo-7B", textModel("Gizmo 7B", "1", "2", 32_000))
                .provider("lucidquery", "LucidQuery")
                .offer("lucidquery", "lucidquery-nexus-9", textModel("Nexus 9", "1", "2", 32_000))
                .read();

        assertThat(model(result, "widget-1").orElseThrow().vendor()).isEqualTo("Acme Labs");
        assertThat(model(result, "widget-2").orElseThrow().vendor()).isEqualTo("Acme Labs");
        assertThat(model(result, "cydonia-99b").orElseThrow().vendor()).isEqualTo("TheDrummer");
        assertThat(model(result, "gizmo-7b").orElseThrow().vendor()).isEqualTo("Newlab");
        assertThat(model(result, "lucidquery-nexus-9").orElseThrow().vendor()).isEqualTo("LucidQuery");
    }

    // the bundle

    @Test
    void writesAndReadsAliasesInTheBundle() {
        CatalogBundle bundle = tree()
                .offer("openai", "gpt-4o", textModel("GPT-4o", "2.5", "10", 128_000))
                .offer("nano-gpt", "azure-gpt-4o", textModel("Azure gpt-4o", "2.5", "10", 128_000))
                .read().bundle();

        assertThat(Bundles.toJson(bundle)).contains("\"aliases\"");
        assertThat(Bundles.read(Bundles.toBytes(bundle))).isEqualTo(bundle);
        assertThat(Bundles.toJson(new CatalogBundle("none", null, null, null))).doesNotContain("aliases");
    }
}
