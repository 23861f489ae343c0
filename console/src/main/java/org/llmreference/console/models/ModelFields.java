package org.llmreference.console.models;

import static org.llmreference.console.web.FormFields.Field.choice;
import static org.llmreference.console.web.FormFields.Field.of;
import static org.llmreference.console.web.FormFields.Field.text;

import java.util.List;

import org.llmreference.console.web.FormFields.Field;
import org.llmreference.console.web.FormFields.Kind;

/** The model editor's fields, in the order the form shows them, named by their path in the catalog's model JSON. */
final class ModelFields {

    static final List<Field> ALL = List.of(
            text("name", "Name"),
            text("vendor", "Vendor"),
            text("family", "Family"),
            text("releaseDate", "Release date (YYYY-MM-DD)"),
            text("knowledgeCutoff", "Knowledge cutoff (YYYY-MM or YYYY-MM-DD)"),
            of("contextWindow", "Context window (tokens)", Kind.INTEGER),
            of("maxOutputTokens", "Max output (tokens)", Kind.INTEGER),
            of("parametersBillions", "Parameters (billions)", Kind.DECIMAL),
            text("architecture", "Architecture"),
            text("license", "License"),
            of("openWeights", "Open weights", Kind.BOOLEAN),
            of("modalities.input", "Input modalities (comma-separated: text, image, audio, video, pdf)", Kind.LIST),
            of("modalities.output", "Output modalities (comma-separated)", Kind.LIST),
            of("capabilities.vision", "Vision", Kind.BOOLEAN),
            of("capabilities.multimodal", "Multimodal", Kind.BOOLEAN),
            of("capabilities.reasoning", "Reasoning", Kind.BOOLEAN),
            of("capabilities.functionCalling", "Function calling", Kind.BOOLEAN),
            of("capabilities.toolUse", "Tool use", Kind.BOOLEAN),
            of("capabilities.structuredOutputs", "Structured outputs", Kind.BOOLEAN),
            of("capabilities.codeExecution", "Code execution", Kind.BOOLEAN),
            of("capabilities.ideIntegration", "IDE integration", Kind.BOOLEAN),
            of("capabilities.computerUse", "Computer use", Kind.BOOLEAN),
            of("capabilities.parallelAgents", "Parallel agents", Kind.BOOLEAN),
            of("decisionTags", "Decision tags (comma-separated)", Kind.LIST),
            of("aliases", "Aliases (comma-separated ids whose URLs redirect here)", Kind.LIST),
            choice("status", "Status", "active", "deprecated", "retired"),
            text("retiresOn", "Retires on (YYYY-MM-DD)"),
            text("successorId", "Successor (model id)"));

    private ModelFields() {
    }
}
