package org.llmreference.comparison.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.comparison.RouteCost;
import org.llmreference.contracts.pricing.RouteSnapshot;

/**
 * What a cost is computed from: a model's id, name and context window, and its provider routes in
 * the price list's order. A comparison's {@link Side} gives one; so does a published comparison's
 * route table ({@link #of(String, String, Integer, List)}), which is how a page recomputes its costs
 * at a visitor's workload without the catalog.
 */
public record PricedModel(String id, String name, Integer contextWindow, List<RouteSnapshot> routes) {

    public PricedModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** The model priced from a route table: each row's terms (and upstream source) under its provider. */
    public static PricedModel of(String id, String name, Integer contextWindow, List<RouteCost> table) {
        List<RouteSnapshot> routes = new ArrayList<>();
        for (RouteCost row : table) {
            routes.add(new RouteSnapshot(row.providerId(), row.providerName(), row.terms(), row.upstream(), null));
        }
        return new PricedModel(id, name, contextWindow, routes);
    }
}
