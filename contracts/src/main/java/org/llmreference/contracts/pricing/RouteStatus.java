package org.llmreference.contracts.pricing;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum RouteStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("deprecated") DEPRECATED
}
