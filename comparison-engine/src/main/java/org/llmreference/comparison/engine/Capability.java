package org.llmreference.comparison.engine;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelSnapshot;

/**
 * The ten capabilities of the Capabilities table, in page order: every list of capabilities on
 * the page (tradeoffs, switch friction, deep dive, FAQ) follows this order. A model "exposes" a
 * capability only when the catalog says {@code true}; unknown is not a yes.
 */
enum Capability {
    VISION("Vision", "vision", Capabilities::vision),
    MULTIMODAL("Multimodal", "multimodal input", Capabilities::multimodal),
    REASONING("Reasoning", "reasoning", Capabilities::reasoning),
    FUNCTION_CALLING("Function calling", "function calling", Capabilities::functionCalling),
    TOOL_USE("Tool use", "tool use", Capabilities::toolUse),
    STRUCTURED_OUTPUTS("Structured outputs", "structured outputs", Capabilities::structuredOutputs),
    CODE_EXECUTION("Code execution", "code execution", Capabilities::codeExecution),
    IDE_INTEGRATION("IDE integration", "IDE integration", Capabilities::ideIntegration),
    COMPUTER_USE("Computer use", "computer use", Capabilities::computerUse),
    PARALLEL_AGENTS("Parallel agents", "parallel agents", Capabilities::parallelAgents);

    /** As in a table or a bullet: "Function calling". */
    final String label;
    /** As inside a sentence: "function calling", "multimodal input". */
    final String prose;
    private final Function<Capabilities, Boolean> value;

    Capability(String label, String prose, Function<Capabilities, Boolean> value) {
        this.label = label;
        this.prose = prose;
        this.value = value;
    }

    /** What the catalog says: {@code true}, {@code false} or {@code null} for unknown. */
    Boolean of(ModelSnapshot model) {
        return value.apply(model.capabilities());
    }

    boolean exposedBy(ModelSnapshot model) {
        return Boolean.TRUE.equals(of(model));
    }

    /** Whether the model exposes this capability and the other does not (says no, or nothing). */
    boolean onlyIn(ModelSnapshot model, ModelSnapshot other) {
        return exposedBy(model) && !exposedBy(other);
    }

    static List<Capability> allExposedBy(ModelSnapshot model) {
        return Stream.of(values()).filter(c -> c.exposedBy(model)).collect(Collectors.toList());
    }

    /** The capabilities {@code model} exposes and {@code other} does not, in page order. */
    static List<Capability> uniqueTo(ModelSnapshot model, ModelSnapshot other) {
        return Stream.of(values()).filter(c -> c.onlyIn(model, other)).collect(Collectors.toList());
    }

    /** The capabilities exactly one of the two exposes, in page order. */
    static List<Capability> differing(ModelSnapshot a, ModelSnapshot b) {
        return Stream.of(values()).filter(c -> c.exposedBy(a) != c.exposedBy(b)).collect(Collectors.toList());
    }

    /** Whether the catalog says nothing at all about the model's capabilities. */
    static boolean noneKnown(ModelSnapshot model) {
        return Stream.of(values()).allMatch(c -> c.of(model) == null);
    }

    static List<String> labels(List<Capability> capabilities) {
        return capabilities.stream().map(c -> c.label).collect(Collectors.toList());
    }

    static List<String> prose(List<Capability> capabilities) {
        return capabilities.stream().map(c -> c.prose).collect(Collectors.toList());
    }
}
