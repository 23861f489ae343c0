package org.llmreference.contracts.pricing;

import java.util.function.Function;

import java.util.List;

import org.llmreference.contracts.EventPayload;

/**
 * Events on {@code pricing.routes.v1}, keyed by model id. The aggregate is a model's price list:
 * every event carries all of the model's current routes, so the latest event per key (which is
 * what a compacted topic keeps) is enough to rebuild a projection.
 */
public sealed interface PricingEvent extends EventPayload permits RouteChanged, RouteWithdrawn {

    String modelId();

    /** The provider whose route the change was about. */
    String providerId();

    /** All routes of the model after the change, in listing order: the order they were first listed, a changed route keeping its place and a new one coming last. */
    List<RouteSnapshot> routes();

    /** Exhaustive handling on Java 17: a new event type breaks every handler at compile time. */
    <R> R match(Function<? super RouteChanged, ? extends R> changed, Function<? super RouteWithdrawn, ? extends R> withdrawn);
}
