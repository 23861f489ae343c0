package org.llmreference.importing.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Our own bulk-import format: providers, models and routes in one JSON document. catalog-service
 * takes its {@code models}, pricing-service its {@code providers} and {@code routes}; each ignores
 * the rest, so one file feeds both. A model is the model JSON of the catalog API (no revision).
 *
 * @param source  a line saying where the data comes from, shown in import reports
 * @param aliases optional: other ids of the bundle's models, each naming its model's canonical id
 *                (absent in older bundles, and in the parts an upload sends)
 * @param pairs   optional: curated pairs ({@code a-vs-b}), each given a page by comparison-service
 *                whether or not the pair graph would pick it (the shipped snapshot curates the
 *                reference pair this way)
 */
public record CatalogBundle(String source, List<ProviderEntry> providers, List<ModelSnapshot> models,
        List<RouteEntry> routes, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ModelAlias> aliases,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> pairs) {

    public CatalogBundle {
        providers = providers == null ? List.of() : List.copyOf(providers);
        models = models == null ? List.of() : List.copyOf(models);
        routes = routes == null ? List.of() : List.copyOf(routes);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    /** A bundle without curated pairs. */
    public CatalogBundle(String source, List<ProviderEntry> providers, List<ModelSnapshot> models, List<RouteEntry> routes,
            List<ModelAlias> aliases) {
        this(source, providers, models, routes, aliases, List.of());
    }

    /** A bundle without aliases or curated pairs. */
    public CatalogBundle(String source, List<ProviderEntry> providers, List<ModelSnapshot> models, List<RouteEntry> routes) {
        this(source, providers, models, routes, List.of(), List.of());
    }

    /** This bundle with {@code curated} added to its curated pairs (each once, in order). */
    public CatalogBundle withPairs(List<String> curated) {
        LinkedHashSet<String> all = new LinkedHashSet<>(pairs);
        all.addAll(curated);
        return new CatalogBundle(source, providers, models, routes, aliases, List.copyOf(all));
    }

    /**
     * Each model's routes as pricing-service publishes them once this bundle is imported: in the
     * bundle's order, named after their provider (its id when the bundle does not describe it),
     * active unless the entry says otherwise. For tests and benchmarks that start from a bundle.
     */
    public Map<String, List<RouteSnapshot>> priceLists() {
        Map<String, String> names = new HashMap<>();
        providers.forEach(provider -> names.put(provider.id(), provider.name()));
        Map<String, List<RouteSnapshot>> lists = new LinkedHashMap<>();
        for (RouteEntry route : routes) {
            String name = names.getOrDefault(route.providerId(), route.providerId());
            lists.computeIfAbsent(route.modelId(), id -> new ArrayList<>())
                    .add(new RouteSnapshot(route.providerId(), name, route.terms(), route.upstream(), null));
        }
        return lists;
    }
}
