package org.llmreference.catalog.models;

import org.llmreference.contracts.EventCodec;
import org.llmreference.testsupport.Models;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Model JSON bodies for requests, built from test-support's fixture: {@code aModel("x").put("vendor", "Acme")}. */
final class ModelJson {

    private ModelJson() {
    }

    /** A valid model as an editor would PUT it (the fixture of {@code Models.aModel}). */
    static ObjectNode aModel(String id) {
        return (ObjectNode) EventCodec.mapper().valueToTree(Models.aModel(id));
    }

    static JsonNode parse(String json) {
        return EventCodec.mapper().readTree(json);
    }

    static String write(JsonNode node) {
        return EventCodec.mapper().writeValueAsString(node);
    }
}
