package org.llmreference.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ProviderEntry;
import org.llmreference.importing.bundle.RouteEntry;

/** A catalog bundle as the comparison engine takes it: price lists and sides, by model id. */
final class Catalogs {

    private Catalogs() {
    }

    /**
     * Every model's routes, in the bundle's order, a route's provider name taken from the bundle's
     * provider list (its id when the list lacks it). Models without routes get an empty list.
     */
    static Map<String, List<RouteSnapshot>> priceLists(CatalogBundle bundle) {
        Map<String, String> providerNames = bundle.providers().stream()
                .collect(Collectors.toMap(ProviderEntry::id, ProviderEntry::name, (first, second) -> first));
        Map<String, List<RouteSnapshot>> lists = new LinkedHashMap<>();
        for (ModelSnapshot model : bundle.models()) {
            lists.put(model.id(), new ArrayList<>());
        }
        for (RouteEntry entry : bundle.routes()) {
            lists.computeIfAbsent(entry.modelId(), id -> new ArrayList<>())
                    .add(route(entry, providerNames.getOrDefault(entry.providerId(), entry.providerId())));
        }
        return lists;
    }

    static RouteSnapshot route(RouteEntry entry, String providerName) {
        return new RouteSnapshot(entry.providerId(), providerName,
                entry.inputPricePerMTok(), entry.outputPricePerMTok(), entry.cachedInputPricePerMTok(),
                entry.cacheWritePricePerMTok(), entry.batchInputPricePerMTok(), entry.batchOutputPricePerMTok(),
                entry.contextTiers(), entry.contextWindow(), entry.region(),
                entry.status() == null ? RouteStatus.ACTIVE : entry.status(), entry.sourceUrl(), entry.verifiedAt(),
                null);
    }

    /** The side of one model of the bundle. */
    static Side side(CatalogBundle bundle, Map<String, List<RouteSnapshot>> priceLists, String modelId) {
        ModelSnapshot model = bundle.models().stream().filter(m -> m.id().equals(modelId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + modelId + " in " + bundle.source()));
        return new Side(model, priceLists.getOrDefault(modelId, List.of()));
    }

    /** The two models with the most routes (ties to the id that sorts first), busiest first. */
    static List<String> twoWithMostRoutes(CatalogBundle bundle, Map<String, List<RouteSnapshot>> priceLists) {
        List<String> ids = bundle.models().stream()
                .map(ModelSnapshot::id)
                .sorted(Comparator.comparingInt((String id) -> priceLists.getOrDefault(id, List.of()).size()).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .limit(2)
                .toList();
        if (ids.size() < 2) {
            throw new IllegalArgumentException(bundle.source() + " has fewer than two models");
        }
        return ids;
    }
}
