package org.llmreference.comparison.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.demo.DemoCatalog;

/**
 * The built-in demo catalog as sides, by model id: each model with its routes in the bundle's
 * order, a route's provider name taken from the bundle's provider list.
 */
final class DemoSides {

    private static final Map<String, Side> DEMO = from(DemoCatalog.load());

    private DemoSides() {
    }

    static Side of(String modelId) {
        Side side = DEMO.get(modelId);
        if (side == null) {
            throw new IllegalArgumentException("no model " + modelId + " in the demo catalog");
        }
        return side;
    }

    static Map<String, Side> all() {
        return DEMO;
    }

    static Map<String, Side> from(CatalogBundle bundle) {
        Map<String, List<RouteSnapshot>> priceLists = bundle.priceLists();
        Map<String, Side> sides = new LinkedHashMap<>();
        for (ModelSnapshot model : bundle.models()) {
            sides.put(model.id(), new Side(model, priceLists.getOrDefault(model.id(), List.of())));
        }
        return sides;
    }
}
