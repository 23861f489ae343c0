package org.llmreference.importing.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.UpstreamSource;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One provider's offer of one model: the route JSON of the pricing API plus the two ids that the
 * API takes from the path; the other components are those of {@link RouteTerms}, by the same names,
 * except that {@code status} may be left out (then the route is active). Prices are USD per 1M
 * tokens; absent means not published.
 *
 * @param upstream optional: where an imported route was read upstream (see {@link UpstreamSource});
 *                 absent in bundles made by hand
 */
public record RouteEntry(
        @JsonProperty(required = true) String modelId,
        @JsonProperty(required = true) String providerId,
        BigDecimal inputPricePerMTok,
        BigDecimal outputPricePerMTok,
        BigDecimal cachedInputPricePerMTok,
        BigDecimal cacheWritePricePerMTok,
        BigDecimal batchInputPricePerMTok,
        BigDecimal batchOutputPricePerMTok,
        List<ContextTier> contextTiers,
        Integer contextWindow,
        String region,
        RouteStatus status,
        String sourceUrl,
        LocalDate verifiedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) UpstreamSource upstream) {

    public RouteEntry {
        contextTiers = contextTiers == null ? List.of() : List.copyOf(contextTiers);
    }

    /** An entry without an upstream source. */
    public RouteEntry(String modelId, String providerId, BigDecimal inputPricePerMTok, BigDecimal outputPricePerMTok,
            BigDecimal cachedInputPricePerMTok, BigDecimal cacheWritePricePerMTok, BigDecimal batchInputPricePerMTok,
            BigDecimal batchOutputPricePerMTok, List<ContextTier> contextTiers, Integer contextWindow, String region,
            RouteStatus status, String sourceUrl, LocalDate verifiedAt) {
        this(modelId, providerId, inputPricePerMTok, outputPricePerMTok, cachedInputPricePerMTok, cacheWritePricePerMTok,
                batchInputPricePerMTok, batchOutputPricePerMTok, contextTiers, contextWindow, region, status, sourceUrl,
                verifiedAt, null);
    }

    /** The route's terms, as pricing-service publishes them once the entry is imported. */
    public RouteTerms terms() {
        return new RouteTerms(inputPricePerMTok, outputPricePerMTok, cachedInputPricePerMTok, cacheWritePricePerMTok,
                batchInputPricePerMTok, batchOutputPricePerMTok, contextTiers, contextWindow, region, status, sourceUrl,
                verifiedAt);
    }
}
