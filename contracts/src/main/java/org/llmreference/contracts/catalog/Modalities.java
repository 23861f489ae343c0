package org.llmreference.contracts.catalog;

import java.util.List;

/** What a model reads and writes: {@code text}, {@code image}, {@code audio}, {@code video}, {@code pdf}, ... */
public record Modalities(List<String> input, List<String> output) {

    public Modalities {
        input = input == null ? List.of() : List.copyOf(input);
        output = output == null ? List.of() : List.copyOf(output);
    }
}
