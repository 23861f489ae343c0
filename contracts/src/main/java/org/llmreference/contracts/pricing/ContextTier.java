package org.llmreference.contracts.pricing;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A higher price for requests whose prompt is above {@code aboveTokens}. Prices in USD per 1M tokens. */
public record ContextTier(
        @JsonProperty(required = true) long aboveTokens,
        BigDecimal inputPricePerMTok,
        BigDecimal outputPricePerMTok) {
}
