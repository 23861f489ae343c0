package org.llmreference.pricing.routes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.UpstreamSource;

/**
 * The route JSON an editor sends ({@code PUT /api/models/{modelId}/routes/{providerId}}) or an
 * import entry carries, before {@link RouteRules} checked it: the components of {@link RouteTerms},
 * by the same names, plus {@code effectiveFrom}. Numbers are wider than the terms' (a context window
 * or a tier's {@code aboveTokens} out of range, or a tier without one, is a violation to report, not
 * a body to refuse unread) and {@code status} may be left out. Prices are exact decimals.
 * {@code upstream}, where the terms were read upstream, comes only with an import or an upstream
 * sync's change; an editor's put may not carry it.
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
        Instant effectiveFrom,
        UpstreamSource upstream) {

    /** One context tier as sent: a {@link ContextTier} whose {@code aboveTokens} may be missing. */
    public record TierInput(Long aboveTokens, BigDecimal inputPricePerMTok, BigDecimal outputPricePerMTok) {
    }

    public RouteInput {
        contextTiers = contextTiers == null ? List.of() : contextTiers;
    }

    /** A route as an editor sends it: no upstream source. */
    public RouteInput(BigDecimal inputPricePerMTok, BigDecimal outputPricePerMTok, BigDecimal cachedInputPricePerMTok,
            BigDecimal cacheWritePricePerMTok, BigDecimal batchInputPricePerMTok, BigDecimal batchOutputPricePerMTok,
            List<TierInput> contextTiers, Long contextWindow, String region, RouteStatus status, String sourceUrl,
            LocalDate verifiedAt, Instant effectiveFrom) {
        this(inputPricePerMTok, outputPricePerMTok, cachedInputPricePerMTok, cacheWritePricePerMTok,
                batchInputPricePerMTok, batchOutputPricePerMTok, contextTiers, contextWindow, region, status, sourceUrl,
                verifiedAt, effectiveFrom, null);
    }

    /** The terms as sent, to take effect at {@code effectiveFrom} (now when {@code null}); an import entry's, say. */
    public static RouteInput of(RouteTerms terms, Instant effectiveFrom) {
        return of(terms, null, effectiveFrom);
    }

    /** The terms as read upstream from {@code upstream}, to take effect at {@code effectiveFrom} (now when {@code null}). */
    public static RouteInput of(RouteTerms terms, UpstreamSource upstream, Instant effectiveFrom) {
        return new RouteInput(terms.inputPricePerMTok(), terms.outputPricePerMTok(), terms.cachedInputPricePerMTok(),
                terms.cacheWritePricePerMTok(), terms.batchInputPricePerMTok(), terms.batchOutputPricePerMTok(),
                terms.contextTiers().stream().map(t -> new TierInput(t.aboveTokens(), t.inputPricePerMTok(),
                        t.outputPricePerMTok())).toList(),
                terms.contextWindow() == null ? null : terms.contextWindow().longValue(), terms.region(), terms.status(),
                terms.sourceUrl(), terms.verifiedAt(), effectiveFrom, upstream);
    }

    /** The route, once {@link RouteRules#violations} found nothing wrong. */
    public Route toRoute() {
        return new Route(new RouteTerms(inputPricePerMTok, outputPricePerMTok, cachedInputPricePerMTok,
                cacheWritePricePerMTok, batchInputPricePerMTok, batchOutputPricePerMTok,
                contextTiers.stream().map(t -> new ContextTier(t.aboveTokens(), t.inputPricePerMTok(),
                        t.outputPricePerMTok())).toList(),
                contextWindow == null ? null : Math.toIntExact(contextWindow), region, status, sourceUrl, verifiedAt),
                upstream);
    }
}
