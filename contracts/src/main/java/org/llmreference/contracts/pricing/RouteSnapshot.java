package org.llmreference.contracts.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One provider's offer of a model, as in force now. Prices are USD per 1M tokens, exact decimals;
 * absent means the provider publishes no such price.
 *
 * @param providerName  display name of the provider, e.g. {@code OpenRouter}
 * @param effectiveFrom when this price came into force
 */
public record RouteSnapshot(
        @JsonProperty(required = true) String providerId,
        @JsonProperty(required = true) String providerName,
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
        LocalDate verifiedAt,
        Instant effectiveFrom) {

    public RouteSnapshot {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerName, "providerName");
        contextTiers = contextTiers == null ? List.of() : List.copyOf(contextTiers);
        status = status == null ? RouteStatus.ACTIVE : status;
    }
}
