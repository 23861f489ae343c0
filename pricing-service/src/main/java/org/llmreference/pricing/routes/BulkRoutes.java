package org.llmreference.pricing.routes;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.pricing.routes.PriceLists.Announced;
import org.llmreference.pricing.routes.PriceLists.Write;
import org.springframework.stereotype.Service;

/**
 * Puts the routes of many models at once, for a bulk import: like an editor's put without
 * {@code If-Match} or scheduling, but each changed price list moves by ONE revision with one event
 * (see {@link PriceList#putAll}). Whether the routes may be taken at all is {@link RouteAdmission}'s.
 */
@Service
public class BulkRoutes {

    private final PriceLists priceLists;
    private final PriceListWrites writes;
    private final OutboxRelay relay;
    private final Clock clock;

    BulkRoutes(PriceLists priceLists, PriceListWrites writes, OutboxRelay relay, Clock clock) {
        this.priceLists = priceLists;
        this.writes = writes;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Reads the price lists with one query and stores every change in one bulk write; a price list
     * another writer changed meanwhile is computed again from a fresh read and stored on its own.
     *
     * @param routesByModel per model, its routes, already checked and admitted, one per provider
     * @return per model, the outcome of each of its routes in order ({@code null} for routes that
     *         could not be stored because the price list kept changing)
     */
    public Map<String, List<PutOutcome>> putAll(Map<String, List<PriceList.RoutePut>> routesByModel) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Announced> changes = new LinkedHashMap<>();
        for (PriceList current : priceLists.findAllWithoutHistory(routesByModel.keySet()).values()) {
            changes.put(current.modelId(),
                    PriceListWrites.announce(current.putAll(routesByModel.get(current.modelId()), now), now));
        }
        Set<String> lost = priceLists.storeAll(List.copyOf(changes.values()));
        Map<String, List<PutOutcome>> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, Announced> model : changes.entrySet()) {
            String modelId = model.getKey();
            PriceListChange change = model.getValue().change();
            if (lost.contains(modelId)) {
                PriceList fresh = priceLists.find(modelId).orElse(PriceList.none(modelId));
                change = fresh.putAll(routesByModel.get(modelId), now);
                if (writes.store(change, now) == Write.LOST_RACE) {
                    outcomes.put(modelId, nulls(routesByModel.get(modelId).size()));
                    continue;
                }
            } else if (change.publishes()) {
                relay.wake(modelId);
            }
            outcomes.put(modelId, outcomes(change, routesByModel.get(modelId)));
        }
        return outcomes;
    }

    /** Per route of a {@link PriceList#putAll}: created, changed, or unchanged (no history entry). */
    private static List<PutOutcome> outcomes(PriceListChange change, List<PriceList.RoutePut> routes) {
        Set<String> changed = new HashSet<>();
        change.entries().forEach(entry -> changed.add(entry.providerId()));
        List<PutOutcome> outcomes = new ArrayList<>();
        for (PriceList.RoutePut route : routes) {
            outcomes.add(!changed.contains(route.providerId()) ? PutOutcome.UNCHANGED
                    : change.before().route(route.providerId()).isEmpty() ? PutOutcome.CREATED : PutOutcome.CHANGED);
        }
        return outcomes;
    }

    private static List<PutOutcome> nulls(int size) {
        List<PutOutcome> nulls = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nulls.add(null);
        }
        return nulls;
    }
}
