package org.llmreference.testsupport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.catalog.Modalities;
import org.llmreference.contracts.catalog.SourceRef;

/** Model snapshots for tests: {@code aModel("gpt-oss-20b").withStatus(RETIRED)}. */
public final class Models {

    private Models() {
    }

    public static ModelSnapshot aModel(String id) {
        return new ModelSnapshot(id, id, "OpenAI", "gpt-oss", LocalDate.parse("2025-08-05"), "2025-08", 131_072,
                131_072, new BigDecimal("20.5"), "decoder only", "Apache 2.0", true,
                new Modalities(List.of("text"), List.of("text")),
                new Capabilities(false, false, true, true, true, true, null, null, null, null),
                List.of("RAG", "Agents"), List.of(),
                List.of(new SourceRef("model card", "https://example.org/" + id, LocalDate.parse("2026-05-22"))),
                ModelStatus.ACTIVE, null, null);
    }

    public static ModelSnapshot withStatus(ModelSnapshot model, ModelStatus status) {
        return new ModelSnapshot(model.id(), model.name(), model.vendor(), model.family(), model.releaseDate(),
                model.knowledgeCutoff(), model.contextWindow(), model.maxOutputTokens(), model.parametersBillions(),
                model.architecture(), model.license(), model.openWeights(), model.modalities(), model.capabilities(),
                model.decisionTags(), model.benchmarks(), model.sources(), status, model.retiresOn(), model.successorId());
    }
}
