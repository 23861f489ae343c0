package org.llmreference.page.listing;

import java.util.function.Function;

import org.llmreference.contracts.catalog.Capabilities;

/** The capabilities the directory filters by, each with its query parameter and column label. */
public enum Capability {
    TOOL_USE("tool_use", "Tool use", Capabilities::toolUse),
    FUNCTION_CALLING("function_calling", "Function calling", Capabilities::functionCalling),
    REASONING("reasoning", "Reasoning", Capabilities::reasoning),
    VISION("vision", "Vision", Capabilities::vision),
    MULTIMODAL("multimodal", "Multimodal", Capabilities::multimodal),
    STRUCTURED_OUTPUTS("structured_outputs", "Structured outputs", Capabilities::structuredOutputs),
    CODE_EXECUTION("code_execution", "Code execution", Capabilities::codeExecution),
    IDE_INTEGRATION("ide_integration", "IDE integration", Capabilities::ideIntegration),
    COMPUTER_USE("computer_use", "Computer use", Capabilities::computerUse),
    PARALLEL_AGENTS("parallel_agents", "Parallel agents", Capabilities::parallelAgents);

    private final String parameter;
    private final String label;
    private final Function<Capabilities, Boolean> value;

    Capability(String parameter, String label, Function<Capabilities, Boolean> value) {
        this.parameter = parameter;
        this.label = label;
        this.value = value;
    }

    /** The query parameter, e.g. {@code tool_use}. */
    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
    }

    /** Whether the model has it: true, false, or null when the catalog does not say. */
    public Boolean of(Capabilities capabilities) {
        return value.apply(capabilities);
    }
}
