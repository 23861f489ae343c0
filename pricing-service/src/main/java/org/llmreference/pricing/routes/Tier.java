package org.llmreference.pricing.routes;

import org.llmreference.contracts.pricing.ContextTier;

/** Higher prices for prompts above {@code aboveTokens}; at least one of the two prices is known. */
public record Tier(long aboveTokens, PricePerMTok inputPricePerMTok, PricePerMTok outputPricePerMTok) {

    public Tier {
        if (aboveTokens < 1) {
            throw new IllegalArgumentException("aboveTokens must be at least 1, was " + aboveTokens);
        }
        if (inputPricePerMTok == null && outputPricePerMTok == null) {
            throw new IllegalArgumentException("a context tier needs at least one price");
        }
    }

    ContextTier toContract() {
        return new ContextTier(aboveTokens, PricePerMTok.valueOf(inputPricePerMTok), PricePerMTok.valueOf(outputPricePerMTok));
    }
}
