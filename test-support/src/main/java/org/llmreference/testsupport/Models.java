package org.llmreference.testsupport;

import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;

/**
 * A model with every field known, for tests that need a realistic one and care about none of its
 * values: {@code Models.aModel("x")}, or {@code Models.withStatus(model, RETIRED)}. To say what a
 * test is about, use {@link Fixtures}.
 */
public final class Models {

    private Models() {
    }

    /** An open-weights text model from OpenAI's gpt-oss family, with {@code id} as its id and name. */
    public static ModelSnapshot aModel(String id) {
        return Fixtures.aModel(id).fromVendor("OpenAI").ofFamily("gpt-oss").releasedOn("2025-08-05")
                .withKnowledgeCutoff("2025-08").withContextWindow(131_072).withMaxOutputTokens(131_072)
                .withParameters("20.5").withArchitecture("decoder only").withLicense("Apache 2.0").withOpenWeights(true)
                .textOnly().withCapabilities(new Capabilities(false, false, true, true, true, true, null, null, null, null))
                .withDecisionTags("RAG", "Agents").withSource("model card", "https://example.org/" + id, "2026-05-22")
                .build();
    }

    public static ModelSnapshot withStatus(ModelSnapshot model, ModelStatus status) {
        return Fixtures.aModelLike(model).withStatus(status).build();
    }
}
