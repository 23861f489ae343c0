package org.llmreference.bench.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void theReportNamesTheCatalogRelativeToTheRepository() {
        Options options = new Options(Path.of("/srv/llmref/main"), Path.of("/srv/llmref/shared/data/models.dev"), null, null,
                null, 0, 0, null, 0, null, 0, null, null, 0, 0, 0, null, 0, null, null, null, null, null);

        assertThat(options.modelsDevShown()).isEqualTo(Path.of("..", "shared", "data", "models.dev").toString());
    }
}
