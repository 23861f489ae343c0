package org.llmreference.pricing.routes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;

/**
 * What an editor says about one provider's offer of one model: prices (USD per 1M tokens, absent =
 * not published), context tiers, context window, region, status and where it was verified. Either
 * token price may be absent (an embedding route has no output price; a route can be tracked before
 * its price is published); cache and batch prices need the token price they discount.
 */
public record Route(
        PricePerMTok inputPricePerMTok,
        PricePerMTok outputPricePerMTok,
        PricePerMTok cachedInputPricePerMTok,
        PricePerMTok cacheWritePricePerMTok,
        PricePerMTok batchInputPricePerMTok,
        PricePerMTok batchOutputPricePerMTok,
        List<Tier> contextTiers,
        Integer contextWindow,
        String region,
        RouteStatus status,
        String sourceUrl,
        LocalDate verifiedAt) {

    /** The field names an editor sends, in the order {@link #changedFields(Route)} reports them. */
    public static final List<String> FIELDS = List.of("inputPricePerMTok", "outputPricePerMTok",
            "cachedInputPricePerMTok", "cacheWritePricePerMTok", "batchInputPricePerMTok", "batchOutputPricePerMTok",
            "contextTiers", "contextWindow", "region", "status", "sourceUrl", "verifiedAt");

    public Route {
        contextTiers = contextTiers == null ? List.of() : List.copyOf(contextTiers);
        status = status == null ? RouteStatus.ACTIVE : status;
        if (inputPricePerMTok == null && (cachedInputPricePerMTok != null || cacheWritePricePerMTok != null
                || batchInputPricePerMTok != null)) {
            throw new IllegalArgumentException("cache and batch input prices need an input price");
        }
        if (outputPricePerMTok == null && batchOutputPricePerMTok != null) {
            throw new IllegalArgumentException("a batch output price needs an output price");
        }
    }

    /** The names of the fields whose values differ from {@code other}'s (empty when the two are the same route). */
    public List<String> changedFields(Route other) {
        List<Object> mine = values();
        List<Object> theirs = other.values();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            if (!Objects.equals(mine.get(i), theirs.get(i))) {
                changed.add(FIELDS.get(i));
            }
        }
        return changed;
    }

    private List<Object> values() {
        List<Object> values = new ArrayList<>();
        values.add(inputPricePerMTok);
        values.add(outputPricePerMTok);
        values.add(cachedInputPricePerMTok);
        values.add(cacheWritePricePerMTok);
        values.add(batchInputPricePerMTok);
        values.add(batchOutputPricePerMTok);
        values.add(contextTiers);
        values.add(contextWindow);
        values.add(region);
        values.add(status);
        values.add(sourceUrl);
        values.add(verifiedAt);
        return values;
    }

    /** The route as published on {@code pricing.routes.v1}. */
    public RouteSnapshot toSnapshot(String providerId, String providerName, Instant effectiveFrom) {
        return new RouteSnapshot(providerId, providerName, PricePerMTok.valueOf(inputPricePerMTok),
                PricePerMTok.valueOf(outputPricePerMTok), PricePerMTok.valueOf(cachedInputPricePerMTok),
                PricePerMTok.valueOf(cacheWritePricePerMTok), PricePerMTok.valueOf(batchInputPricePerMTok),
                PricePerMTok.valueOf(batchOutputPricePerMTok), contextTiers.stream().map(Tier::toContract).toList(),
                contextWindow, region, status, sourceUrl, verifiedAt, effectiveFrom);
    }
}
