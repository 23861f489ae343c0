package org.llmreference.comparison.previews.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteStatus;

/**
 * The body of {@code POST /api/previews}: exactly one of a proposed model (its facts after the edit,
 * as on {@code catalog.models.v1}), a proposed route of a model, or a route to withdraw.
 */
record PreviewRequest(ModelSnapshot model, RouteProposal route, RouteWithdrawal withdrawRoute) {

    /** One provider's route of a model, its terms written flat as on {@code pricing.routes.v1}. */
    record RouteProposal(
            String modelId,
            String providerId,
            String providerName,
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
            Instant effectiveFrom) {
    }

    record RouteWithdrawal(String modelId, String providerId) {
    }
}
