package org.llmreference.contracts.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A route's price terms: what one provider asks for one model and how it offers it. Prices are USD
 * per 1M tokens, exact decimals; absent means the provider publishes no such price. This record is
 * the one place the terms are written: the event's {@link RouteSnapshot} carries it unwrapped, and
 * the pricing API, the import bundle and the pricing views map to and from it component by component.
 *
 * @param contextTiers higher prices for long prompts, ascending by {@link ContextTier#aboveTokens()}
 * @param status       {@code active} when absent
 * @param sourceUrl    where the prices were read
 * @param verifiedAt   the day someone last checked them there
 */
public record RouteTerms(
        BigDecimal inputPricePerMTok,
        BigDecimal outputPricePerMTok,
        BigDecimal cachedInputPricePerMTok,
        BigDecimal cacheWritePricePerMTok,
        BigDecimal batchInputPricePerMTok,
        BigDecimal batchOutputPricePerMTok,
        List<ContextTier> contextTiers,
        Integer contextWindow,
        String region,
        @JsonProperty(required = true) RouteStatus status,
        String sourceUrl,
        LocalDate verifiedAt) {

    public RouteTerms {
        contextTiers = contextTiers == null ? List.of() : List.copyOf(contextTiers);
        status = status == null ? RouteStatus.ACTIVE : status;
    }
}
