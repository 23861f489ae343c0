package org.llmreference.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;

/** A catalog bundle as the comparison engine takes it: price lists and sides, by model id. */
final class Catalogs {

    private Catalogs() {
    }

    /**
     * Every model's routes, in the bundle's order, a route's provider name taken from the bundle's
     * provider list (its id when the list lacks it). Models without routes get an empty list.
     */
    static Map<String, List<RouteSnapshot>> priceLists(CatalogBundle bundle) {
        Map<String, List<RouteSnapshot>> lists = new LinkedHashMap<>();
        bundle.models().forEach(model -> lists.put(model.id(), List.of()));
        lists.putAll(bundle.priceLists());
        return lists;
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
