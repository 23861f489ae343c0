package org.llmreference.contracts.pricing;

import java.util.function.Function;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A route was added, repriced or otherwise changed (a scheduled change included, when it takes effect). */
public record RouteChanged(
        @JsonProperty(required = true) String modelId,
        @JsonProperty(required = true) String providerId,
        @JsonProperty(required = true) List<RouteSnapshot> routes,
        @JsonProperty(required = true) List<String> changedFields) implements PricingEvent {

    public RouteChanged {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(providerId, "providerId");
        routes = routes == null ? List.of() : List.copyOf(routes);
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    @Override
    public <R> R match(Function<? super RouteChanged, ? extends R> changed, Function<? super RouteWithdrawn, ? extends R> withdrawn) {
        return changed.apply(this);
    }
}
