package org.llmreference.contracts.catalog;

/** The ten capabilities a comparison page lists. {@code null} means unknown, which is not the same as {@code false}. */
public record Capabilities(
        Boolean vision,
        Boolean multimodal,
        Boolean reasoning,
        Boolean functionCalling,
        Boolean toolUse,
        Boolean structuredOutputs,
        Boolean codeExecution,
        Boolean ideIntegration,
        Boolean computerUse,
        Boolean parallelAgents) {

    public static Capabilities unknown() {
        return new Capabilities(null, null, null, null, null, null, null, null, null, null);
    }
}
