package org.llmreference.contracts.pricing;

import java.util.function.Function;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A provider no longer offers the model; {@code routes} are the ones that remain. */
public record RouteWithdrawn(
        @JsonProperty(required = true) String modelId,
        @JsonProperty(required = true) String providerId,
        @JsonProperty(required = true) List<RouteSnapshot> routes) implements PricingEvent {

    public RouteWithdrawn {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(providerId, "providerId");
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    @Override
    public <R> R match(Function<? super RouteChanged, ? extends R> changed, Function<? super RouteWithdrawn, ? extends R> withdrawn) {
        return withdrawn.apply(this);
    }
}
