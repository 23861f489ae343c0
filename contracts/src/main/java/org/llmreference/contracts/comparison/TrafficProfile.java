package org.llmreference.contracts.comparison;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The traffic a monthly cost assumes.
 *
 * @param cachedInputShare  share of input tokens served from cache, 0 to 1
 * @param longContextShare  share of requests above a route's context tier, 0 to 1
 * @param batch             whether batch prices apply where a route has them
 */
public record TrafficProfile(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) long requestsPerMonth,
        @JsonProperty(required = true) long inputTokensPerRequest,
        @JsonProperty(required = true) long outputTokensPerRequest,
        BigDecimal cachedInputShare,
        BigDecimal longContextShare,
        boolean batch) {
}
