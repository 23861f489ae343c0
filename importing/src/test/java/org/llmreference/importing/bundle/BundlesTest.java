package org.llmreference.importing.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.importing.demo.DemoCatalog;
import org.llmreference.importing.modelsdev.FixtureTree;
import org.llmreference.importing.modelsdev.ModelsDevReader;

class BundlesTest {

    @TempDir
    Path tmp;

    @Test
    void writesAndReadsBackTheSameBundle() {
        CatalogBundle demo = DemoCatalog.load();
        Path file = tmp.resolve("demo.json");
        Bundles.write(demo, file);
        assertThat(Bundles.read(file)).isEqualTo(demo);
    }

    @Test
    void roundTripsAModelsDevImportExactly() {
        CatalogBundle bundle = new ModelsDevReader(LocalDate.of(2026, 7, 2))
                .read(FixtureTree.copyTo(tmp.resolve("tree")), line -> { });
        assertThat(Bundles.read(Bundles.toBytes(bundle))).isEqualTo(bundle);
    }

    @Test
    void writesIsoDatesPlainDecimalsAndNoNulls() {
        String json = Bundles.toJson(DemoCatalog.load());
        assertThat(json).contains("\"verifiedAt\" : \"2026-05-22\"", "\"inputPricePerMTok\" : 0.03")
                .doesNotContain("null", "E-");
    }

    @Test
    void namesTheJsonPathOfABadValue() {
        byte[] json = """
                {"routes": [{"modelId": "a", "providerId": "b"}, {"modelId": "a", "providerId": "c", "inputPricePerMTok": "cheap"}]}
                """.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Bundles.read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.routes[1].inputPricePerMTok");
    }

    @Test
    void refusesUnknownFields() {
        byte[] json = "{\"models\": [{\"id\": \"x\", \"name\": \"X\", \"status\": \"active\", \"contextWindw\": 5}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Bundles.read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.models[0].contextWindw");
    }

    @Test
    void refusesAFileThatIsNotJson() {
        assertThatThrownBy(() -> Bundles.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid catalog bundle");
    }
}
