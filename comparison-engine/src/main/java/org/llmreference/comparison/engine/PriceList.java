package org.llmreference.comparison.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;

/**
 * A model's provider routes as the page reads them. Every route is "tracked" (it counts and is
 * named); only active routes are sold today, so only they give the "cheapest" prices.
 */
record PriceList(List<RouteSnapshot> routes) {

    PriceList {
        routes = List.copyOf(routes);
    }

    static PriceList of(Side side) {
        return new PriceList(side.routes());
    }

    static PriceList of(PricedModel model) {
        return new PriceList(model.routes());
    }

    int tracked() {
        return routes.size();
    }

    List<RouteSnapshot> active() {
        List<RouteSnapshot> active = new ArrayList<>();
        for (RouteSnapshot route : routes) {
            if (route.terms().status() == RouteStatus.ACTIVE) {
                active.add(route);
            }
        }
        return active;
    }

    /** The active route with the lowest input price (the earlier one on a tie), or {@code null}. */
    RouteSnapshot cheapestInput() {
        return cheapest(route -> route.terms().inputPricePerMTok());
    }

    /** The active route with the lowest output price (the earlier one on a tie), or {@code null}. */
    RouteSnapshot cheapestOutput() {
        return cheapest(route -> route.terms().outputPricePerMTok());
    }

    /** The providers' names in route order, each once (a provider may sell a model in several regions). */
    List<String> providerNames() {
        return new ArrayList<>(providers().values());
    }

    /** Provider id to name, in route order, each provider once. */
    Map<String, String> providers() {
        Map<String, String> providers = new LinkedHashMap<>();
        for (RouteSnapshot route : routes) {
            providers.putIfAbsent(route.providerId(), route.providerName());
        }
        return providers;
    }

    private RouteSnapshot cheapest(Function<RouteSnapshot, BigDecimal> price) {
        RouteSnapshot cheapest = null;
        for (RouteSnapshot route : active()) {
            BigDecimal offered = usable(price.apply(route));
            if (offered != null && (cheapest == null || offered.compareTo(price.apply(cheapest)) < 0)) {
                cheapest = route;
            }
        }
        return cheapest;
    }

    /**
     * A price the engine can use: {@code null} when absent, and also when negative, which the
     * catalog forbids but the engine does not take on trust.
     */
    static BigDecimal usable(BigDecimal price) {
        return price == null || price.signum() < 0 ? null : price;
    }
}
