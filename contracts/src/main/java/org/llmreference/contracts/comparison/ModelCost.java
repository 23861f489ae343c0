package org.llmreference.contracts.comparison;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One model's monthly cost under the profile; {@code monthlyUsd} is absent when the model lacks a
 * complete price, and {@code note} then says why.
 */
public record ModelCost(
        @JsonProperty(required = true) String modelId,
        BigDecimal monthlyUsd,
        String inputRoute,
        String outputRoute,
        BigDecimal inputPricePerMTok,
        BigDecimal outputPricePerMTok,
        String note) {
}
