package org.llmreference.pricing.routes;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.UpstreamSource;

/**
 * What an editor says about one provider's offer of one model: its {@link RouteTerms} (prices in USD
 * per 1M tokens, absent = not published; context tiers, context window, region, status and where it
 * was verified), checked and with every price exact and without trailing zeros ({@link PricePerMTok}).
 * Either token price may be absent (an embedding route has no output price; a route can be tracked
 * before its price is published); cache and batch prices need the token price they discount; a
 * context tier starts above at least 1 token and has at least one price.
 *
 * @param upstream where an imported route's terms were read upstream; null for a route an editor set
 */
public record Route(RouteTerms terms, UpstreamSource upstream) {

    /** A route without an upstream source, as an editor sets it. */
    public Route(RouteTerms terms) {
        this(terms, null);
    }

    public Route {
        Objects.requireNonNull(terms, "terms");
        terms = new RouteTerms(price(terms.inputPricePerMTok()), price(terms.outputPricePerMTok()),
                price(terms.cachedInputPricePerMTok()), price(terms.cacheWritePricePerMTok()),
                price(terms.batchInputPricePerMTok()), price(terms.batchOutputPricePerMTok()),
                terms.contextTiers().stream().map(Route::tier).toList(), terms.contextWindow(), terms.region(),
                terms.status(), terms.sourceUrl(), terms.verifiedAt());
        if (terms.inputPricePerMTok() == null && (terms.cachedInputPricePerMTok() != null
                || terms.cacheWritePricePerMTok() != null || terms.batchInputPricePerMTok() != null)) {
            throw new IllegalArgumentException("cache and batch input prices need an input price");
        }
        if (terms.outputPricePerMTok() == null && terms.batchOutputPricePerMTok() != null) {
            throw new IllegalArgumentException("a batch output price needs an output price");
        }
    }

    private static ContextTier tier(ContextTier tier) {
        if (tier.aboveTokens() < 1) {
            throw new IllegalArgumentException("aboveTokens must be at least 1, was " + tier.aboveTokens());
        }
        if (tier.inputPricePerMTok() == null && tier.outputPricePerMTok() == null) {
            throw new IllegalArgumentException("a context tier needs at least one price");
        }
        return new ContextTier(tier.aboveTokens(), price(tier.inputPricePerMTok()), price(tier.outputPricePerMTok()));
    }

    private static BigDecimal price(BigDecimal price) {
        return PricePerMTok.valueOf(PricePerMTok.ofNullable(price));
    }

    public String sourceUrl() {
        return terms.sourceUrl();
    }

    /** The same terms with another upstream source. */
    public Route withUpstream(UpstreamSource source) {
        return new Route(terms, source);
    }

    /**
     * The names of the terms whose values differ from {@code other}'s, in the order of
     * {@link RouteTerms}' components, then {@code upstream} when the upstream sources differ
     * (empty when the two are the same route).
     */
    public List<String> changedFields(Route other) {
        List<String> changed = new java.util.ArrayList<>(Arrays.stream(RouteTerms.class.getRecordComponents())
                .filter(term -> !Objects.equals(valueOf(term, terms), valueOf(term, other.terms)))
                .map(RecordComponent::getName).toList());
        if (!Objects.equals(upstream, other.upstream)) {
            changed.add("upstream");
        }
        return List.copyOf(changed);
    }

    /**
     * The terms given (absent ones left out), by name, in the order of {@link RouteTerms}' components,
     * then the {@code upstream} source when there is one.
     */
    public Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        for (RecordComponent term : RouteTerms.class.getRecordComponents()) {
            Object value = valueOf(term, terms);
            if (value != null) {
                given.put(term.getName(), value);
            }
        }
        if (upstream != null) {
            given.put("upstream", upstream);
        }
        return given;
    }

    private static Object valueOf(RecordComponent term, RouteTerms terms) {
        try {
            return term.getAccessor().invoke(terms);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + term.getName() + " of a route's terms", e);
        }
    }

    /** The route as published on {@code pricing.routes.v1}. */
    public RouteSnapshot toSnapshot(String providerId, String providerName, Instant effectiveFrom) {
        return toSnapshot(providerId, providerName, effectiveFrom, List.of());
    }

    /** The route as published, with its dated prices (oldest first). */
    public RouteSnapshot toSnapshot(String providerId, String providerName, Instant effectiveFrom,
            List<PriceStep> history) {
        return new RouteSnapshot(providerId, providerName, terms, upstream, effectiveFrom, history);
    }
}
