package org.llmreference.pricing.routes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.llmreference.contracts.pricing.RouteStatus;

/**
 * The route JSON an editor sends ({@code PUT /api/models/{modelId}/routes/{providerId}}) or an
 * import entry carries, before {@link RouteRules} checked it. Prices are exact decimals.
 */
public record RouteInput(
        BigDecimal inputPricePerMTok,
        BigDecimal outputPricePerMTok,
        BigDecimal cachedInputPricePerMTok,
        BigDecimal cacheWritePricePerMTok,
        BigDecimal batchInputPricePerMTok,
        BigDecimal batchOutputPricePerMTok,
        List<TierInput> contextTiers,
        Long contextWindow,
        String region,
        RouteStatus status,
        String sourceUrl,
        LocalDate verifiedAt,
        Instant effectiveFrom) {

    /** One context tier as sent. */
    public record TierInput(Long aboveTokens, BigDecimal inputPricePerMTok, BigDecimal outputPricePerMTok) {
    }

    public RouteInput {
        contextTiers = contextTiers == null ? List.of() : contextTiers;
    }

    /** The route, once {@link RouteRules#violations} found nothing wrong. */
    public Route toRoute() {
        return new Route(PricePerMTok.ofNullable(inputPricePerMTok), PricePerMTok.ofNullable(outputPricePerMTok),
                PricePerMTok.ofNullable(cachedInputPricePerMTok), PricePerMTok.ofNullable(cacheWritePricePerMTok),
                PricePerMTok.ofNullable(batchInputPricePerMTok), PricePerMTok.ofNullable(batchOutputPricePerMTok),
                contextTiers.stream().map(t -> new Tier(t.aboveTokens(), PricePerMTok.ofNullable(t.inputPricePerMTok()),
                        PricePerMTok.ofNullable(t.outputPricePerMTok()))).toList(),
                contextWindow == null ? null : Math.toIntExact(contextWindow), region, status, sourceUrl, verifiedAt);
    }
}
