package org.llmreference.comparison.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ProviderEntry;
import org.llmreference.importing.bundle.RouteEntry;
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
        Map<String, String> providerNames = bundle.providers().stream()
                .collect(Collectors.toMap(ProviderEntry::id, ProviderEntry::name));
        Map<String, Side> sides = new LinkedHashMap<>();
        for (ModelSnapshot model : bundle.models()) {
            List<RouteSnapshot> routes = new ArrayList<>();
            for (RouteEntry entry : bundle.routes()) {
                if (entry.modelId().equals(model.id())) {
                    routes.add(route(entry, providerNames::get));
                }
            }
            sides.put(model.id(), new Side(model, routes));
        }
        return sides;
    }

    static RouteSnapshot route(RouteEntry entry, Function<String, String> providerName) {
        String name = providerName.apply(entry.providerId());
        return new RouteSnapshot(entry.providerId(), name == null ? entry.providerId() : name,
                entry.inputPricePerMTok(), entry.outputPricePerMTok(), entry.cachedInputPricePerMTok(),
                entry.cacheWritePricePerMTok(), entry.batchInputPricePerMTok(), entry.batchOutputPricePerMTok(),
                entry.contextTiers(), entry.contextWindow(), entry.region(),
                entry.status() == null ? RouteStatus.ACTIVE : entry.status(), entry.sourceUrl(), entry.verifiedAt(), null);
    }
}
