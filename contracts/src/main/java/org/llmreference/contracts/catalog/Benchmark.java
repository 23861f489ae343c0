package org.llmreference.contracts.catalog;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One benchmark result.
 *
 * @param verified {@code true} when measured independently, {@code false} when claimed by the lab
 */
public record Benchmark(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) BigDecimal score,
        String unit,
        String source,
        Boolean verified) {
}
