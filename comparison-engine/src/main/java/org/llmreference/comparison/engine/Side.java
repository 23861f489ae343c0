package org.llmreference.comparison.engine;

import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;

/**
 * One side of a comparison: a model and the provider routes of its price list, in the price
 * list's order.
 */
public record Side(ModelSnapshot model, List<RouteSnapshot> routes) {

    public Side {
        Objects.requireNonNull(model, "model");
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    public String id() {
        return model.id();
    }

    public String name() {
        return model.name();
    }

    /** The model and routes a cost is computed from. */
    public PricedModel priced() {
        return new PricedModel(model.id(), model.name(), model.contextWindow(), routes);
    }
}
