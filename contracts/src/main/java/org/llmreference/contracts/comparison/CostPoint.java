package org.llmreference.contracts.comparison;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Monthly cost of both models at one traffic level, for the cost chart. */
public record CostPoint(
        @JsonProperty(required = true) long requestsPerMonth,
        BigDecimal modelAUsd,
        BigDecimal modelBUsd) {
}
