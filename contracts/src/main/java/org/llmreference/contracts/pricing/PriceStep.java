package org.llmreference.contracts.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One dated price of a route: the prices in force from {@code effectiveFrom} until the next step.
 * Prices are USD per 1M tokens, exact decimals; absent means the provider published no such price.
 *
 * @param effectiveFrom when these prices came into force
 * @param origin        how they were entered: {@code editor}, {@code scheduled}, {@code import},
 *                      {@code history-import} or {@code sync}
 */
public record PriceStep(
        @JsonProperty(required = true) Instant effectiveFrom,
        BigDecimal inputPricePerMTok,
        BigDecimal outputPricePerMTok,
        BigDecimal cachedInputPricePerMTok,
        BigDecimal cacheWritePricePerMTok,
        BigDecimal batchInputPricePerMTok,
        BigDecimal batchOutputPricePerMTok,
        @JsonProperty(required = true) String origin) {

    public PriceStep {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(origin, "origin");
    }

    /** A step with {@code terms}' six prices. */
    public static PriceStep of(Instant effectiveFrom, RouteTerms terms, String origin) {
        return new PriceStep(effectiveFrom, terms.inputPricePerMTok(), terms.outputPricePerMTok(),
                terms.cachedInputPricePerMTok(), terms.cacheWritePricePerMTok(), terms.batchInputPricePerMTok(),
                terms.batchOutputPricePerMTok(), origin);
    }

    /** Whether the six prices are the same as {@code other}'s (compared by value, so 0.10 equals 0.1). */
    public boolean samePrices(PriceStep other) {
        return same(inputPricePerMTok, other.inputPricePerMTok) && same(outputPricePerMTok, other.outputPricePerMTok)
                && same(cachedInputPricePerMTok, other.cachedInputPricePerMTok)
                && same(cacheWritePricePerMTok, other.cacheWritePricePerMTok)
                && same(batchInputPricePerMTok, other.batchInputPricePerMTok)
                && same(batchOutputPricePerMTok, other.batchOutputPricePerMTok);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
