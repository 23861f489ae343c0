package org.llmreference.importing.bundle;

import java.util.List;

import org.llmreference.contracts.catalog.ModelSnapshot;

/**
 * Our own bulk-import format: providers, models and routes in one JSON document. catalog-service
 * takes its {@code models}, pricing-service its {@code providers} and {@code routes}; each ignores
 * the rest, so one file feeds both. A model is the model JSON of the catalog API (no revision).
 *
 * @param source a line saying where the data comes from, shown in import reports
 */
public record CatalogBundle(String source, List<ProviderEntry> providers, List<ModelSnapshot> models,
        List<RouteEntry> routes) {

    public CatalogBundle {
        providers = providers == null ? List.of() : List.copyOf(providers);
        models = models == null ? List.of() : List.copyOf(models);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }
}
