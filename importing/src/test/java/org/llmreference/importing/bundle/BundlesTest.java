package org.llmreference.importing.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

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
    void writesGzipForAGzFileNameAndReadsItBackWithItsCuratedPairs() throws Exception {
        CatalogBundle demo = DemoCatalog.load().withPairs(List.of("gpt-oss-20b-vs-qwen3.5-4b"));
        Path file = tmp.resolve("demo.json.gz");
        Bundles.write(demo, file);
        byte[] written = Files.readAllBytes(file);
        assertThat(written[0] & 0xff).isEqualTo(0x1f);
        assertThat(written[1] & 0xff).isEqualTo(0x8b);
        assertThat(written.length).isLessThan(Bundles.toBytes(demo).length / 3);
        CatalogBundle read = Bundles.read(file);
        assertThat(read).isEqualTo(demo);
        assertThat(read.pairs()).containsExactly("gpt-oss-20b-vs-qwen3.5-4b");
    }

    @Test
    void refusesATruncatedGzipBundleWithAClearMessage() throws Exception {
        Path whole = tmp.resolve("whole.json.gz");
        Bundles.write(DemoCatalog.load(), whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = tmp.resolve("cut.json.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Bundles.read(cut))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(cut.toString());
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
