package org.llmreference.comparison.comparisons;

import java.math.BigDecimal;
import java.util.List;

import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.engine.Weights;
import org.llmreference.contracts.comparison.TrafficProfile;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * comparison-service's settings, {@code llmref.comparison.*}.
 *
 * @param peers   K: how many nearest peers each model gets a page with
 * @param traffic the traffic every page's monthly cost assumes and states
 * @param curve   requests per month at each point of the cost curve (same tokens per request as {@code traffic})
 */
@ConfigurationProperties("llmref.comparison")
public record ComparisonSettings(
        @DefaultValue("8") int peers,
        @DefaultValue Traffic traffic,
        @DefaultValue({ "10000", "100000", "1000000", "10000000" }) List<Long> curve) {

    public ComparisonSettings {
        if (peers < 1 || peers > 100) {
            throw new IllegalArgumentException("llmref.comparison.peers must be between 1 and 100, was " + peers);
        }
        for (Long level : curve) {
            if (level == null || level < 1) {
                throw new IllegalArgumentException("llmref.comparison.curve levels must be positive, got " + curve);
            }
        }
    }

    /**
     * The default: 1M requests a month of 800 input and 250 output tokens, no cache, no long
     * context, no batch (800M input and 250M output tokens a month).
     */
    public record Traffic(
            @DefaultValue("default") String name,
            @DefaultValue("1000000") long requestsPerMonth,
            @DefaultValue("800") long inputTokensPerRequest,
            @DefaultValue("250") long outputTokensPerRequest,
            @DefaultValue("0") BigDecimal cachedInputShare,
            @DefaultValue("0") BigDecimal longContextShare,
            @DefaultValue("false") boolean batch) {

        public Traffic {
            if (requestsPerMonth < 0 || inputTokensPerRequest < 0 || outputTokensPerRequest < 0) {
                throw new IllegalArgumentException("llmref.comparison.traffic counts must not be negative");
            }
            requireShare("cached-input-share", cachedInputShare);
            requireShare("long-context-share", longContextShare);
        }

        private static void requireShare(String name, BigDecimal share) {
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("llmref.comparison.traffic." + name + " must be between 0 and 1, was " + share);
            }
        }

        TrafficProfile profile() {
            return new TrafficProfile(name, requestsPerMonth, inputTokensPerRequest, outputTokensPerRequest,
                    cachedInputShare, longContextShare, batch);
        }
    }

    public EngineSettings engineSettings() {
        return new EngineSettings(traffic.profile(), curve, Weights.defaults());
    }
}
