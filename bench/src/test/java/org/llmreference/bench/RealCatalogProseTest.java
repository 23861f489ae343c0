package org.llmreference.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmreference.bench.ProseAudit.Defect;
import org.llmreference.bench.ProseAudit.Finding;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.modelsdev.ModelsDevReader;

/**
 * Every live page of the real models.dev catalog reads without contradiction: no equal values
 * phrased as a contrast, no verdict the tradeoffs contradict, no row empty on both sides, no count
 * the words disagree with. Skipped where the shared models.dev snapshot is absent
 * ({@code -Dllmref.shared.dir=<shared folder>}, else {@code ../../shared} from the module folder).
 */
class RealCatalogProseTest {

    @Test
    void everyLivePageOfTheRealCatalogFollowsFromItsFacts() {
        CatalogBundle bundle = new ModelsDevReader().read(modelsDevTree(), line -> { });
        Map<Defect, Integer> pagesWith = new EnumMap<>(Defect.class);
        int[] pages = new int[1];

        List<Finding> findings = ProseAudit.auditEveryLivePage(bundle, pagesWith, pages);

        assertThat(pages[0]).as("live pages").isGreaterThan(1000);
        assertThat(findings).as("pages with each kind of defect, of " + pages[0] + ": " + pagesWith + "; for example "
                + ProseAudit.examples(findings, 3)).isEmpty();
    }

    private static Path modelsDevTree() {
        String configured = System.getProperty("llmref.shared.dir");
        Path shared = configured != null ? Path.of(configured)
                : Path.of("").toAbsolutePath().resolve("../../shared").normalize();
        Path tree = shared.resolve("data/models.dev");
        assumeTrue(Files.isDirectory(tree.resolve("providers")),
                "skipped: the models.dev snapshot is not at " + tree + " (set -Dllmref.shared.dir=<shared folder>)");
        return tree;
    }
}
