package org.llmreference.contracts.comparison;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a route cannot serve a workload. */
public enum RouteUnfit {
    /** The provider has deprecated the route. */
    @JsonProperty("deprecated") DEPRECATED,
    /** A request's input and output tokens do not fit the route's context window. */
    @JsonProperty("context-too-small") CONTEXT_TOO_SMALL,
    /** The workload reads part of its input from cache, and the route publishes no cached input price. */
    @JsonProperty("no-cache-price") NO_CACHE_PRICE
}
