package org.llmreference.importing.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.ModelSnapshot;

/**
 * The catalog the repository ships ({@code catalog/models.dev.json.gz}, loaded by {@code ./llmref up}
 * on its first start) reads as a valid bundle with the counts catalog/NOTICE.md states, and keeps the
 * reference pair reachable.
 */
class ShippedSnapshotTest {

    static final Path SHIPPED = Path.of("..", "catalog", "models.dev.json.gz");

    @Test
    void shippedSnapshotIsACompactBundleOfTheWholeCatalog() throws Exception {
        assertThat(Files.size(SHIPPED)).as("compressed size").isLessThan(3_000_000L);
        CatalogBundle bundle = Bundles.read(SHIPPED);
        assertThat(bundle.models()).hasSize(1034);
        assertThat(bundle.routes()).hasSize(4743);
        assertThat(bundle.providers()).hasSize(147);
        assertThat(bundle.aliases()).hasSize(647);
        assertThat(bundle.source()).contains("models.dev");
    }

    @Test
    void everyRouteAndAliasNamesAModelOfTheSnapshot() {
        CatalogBundle bundle = Bundles.read(SHIPPED);
        Set<String> ids = bundle.models().stream().map(ModelSnapshot::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(bundle.models().size());
        assertThat(bundle.routes()).allSatisfy(route -> assertThat(ids).contains(route.modelId()));
        assertThat(bundle.aliases()).allSatisfy(alias -> {
            assertThat(ids).contains(alias.modelId());
            assertThat(ids).doesNotContain(alias.id());
        });
        Set<String> providers = new HashSet<>();
        bundle.providers().forEach(provider -> providers.add(provider.id()));
        assertThat(bundle.routes()).allSatisfy(route -> assertThat(providers).contains(route.providerId()));
    }

    @Test
    void curatesTheReferencePairBetweenTwoModelsOfTheSnapshot() {
        CatalogBundle bundle = Bundles.read(SHIPPED);
        assertThat(bundle.pairs()).containsExactly("gpt-oss-20b-vs-qwen3.5-4b");
        assertThat(bundle.models()).extracting(ModelSnapshot::id).contains("gpt-oss-20b", "qwen3.5-4b");
        assertThat(bundle.routes()).filteredOn(route -> route.modelId().equals("gpt-oss-20b"))
                .hasSizeGreaterThan(10)
                .allSatisfy(route -> assertThat(route.providerId()).isNotBlank())
                .anySatisfy(route -> assertThat(route.terms().inputPricePerMTok()).isNotNull());
        // upstream, Qwen3.5-4B has one offering (SiliconFlow China) and it states no price
        assertThat(bundle.routes()).filteredOn(route -> route.modelId().equals("qwen3.5-4b"))
                .singleElement().satisfies(route -> {
                    assertThat(route.providerId()).isEqualTo("siliconflow-cn");
                    assertThat(route.terms().inputPricePerMTok()).isNull();
                });
    }

    @Test
    void everyRouteNamesItsUpstreamFileAtTheSnapshotsCommit() {
        CatalogBundle bundle = Bundles.read(SHIPPED);
        assertThat(bundle.routes()).allSatisfy(route -> {
            assertThat(route.upstream()).as(route.modelId() + "@" + route.providerId()).isNotNull();
            assertThat(route.upstream().path()).startsWith("providers/" + route.providerId() + "/models/").endsWith(".toml");
            assertThat(route.upstream().commit()).isEqualTo("f3fc692299671838c7c65fd8126bf84d81a2e817");
            assertThat(route.terms().verifiedAt()).hasToString("2026-07-01");
        });
    }
}
