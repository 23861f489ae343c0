package org.llmreference.contracts.comparison;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The traffic a monthly cost assumes.
 *
 * @param cachedInputShare  share of input tokens served from cache, 0 to 1
 * @param longContextShare  share of requests above a route's context tier, 0 to 1
 * @param batch             whether batch prices apply where a route has them (to every request)
 * @param batchShare        share of requests sent as batch, 0 to 1, where a route has batch prices;
 *                          absent means all of them when {@code batch}, else none
 */
public record TrafficProfile(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) long requestsPerMonth,
        @JsonProperty(required = true) long inputTokensPerRequest,
        @JsonProperty(required = true) long outputTokensPerRequest,
        BigDecimal cachedInputShare,
        BigDecimal longContextShare,
        boolean batch,
        BigDecimal batchShare) {

    /** A profile whose requests are all batch or none. */
    public TrafficProfile(String name, long requestsPerMonth, long inputTokensPerRequest, long outputTokensPerRequest,
            BigDecimal cachedInputShare, BigDecimal longContextShare, boolean batch) {
        this(name, requestsPerMonth, inputTokensPerRequest, outputTokensPerRequest, cachedInputShare, longContextShare,
                batch, null);
    }

    /** The share of requests that pay batch prices: {@code batchShare}, else all or none as {@code batch} says. */
    public BigDecimal effectiveBatchShare() {
        if (batchShare != null) {
            return batchShare;
        }
        return batch ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    /** The same profile at another traffic level. */
    public TrafficProfile withRequestsPerMonth(long requests) {
        return new TrafficProfile(name, requests, inputTokensPerRequest, outputTokensPerRequest, cachedInputShare,
                longContextShare, batch, batchShare);
    }
}
