package org.llmreference.comparison.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.comparison.TrafficProfile;

/**
 * What a comparison assumes: the traffic its monthly cost is computed at, the traffic levels of
 * the cost curve, and the weights of the verdict.
 *
 * @param profile          the traffic the page states and its monthly costs assume
 * @param curveRequests    requests per month at each point of the cost curve, same per-request shape as {@code profile}
 * @param weights          the verdict's weight per dimension
 */
public record EngineSettings(TrafficProfile profile, List<Long> curveRequests, Weights weights) {

    /** 1M requests a month, 800 input and 250 output tokens each: 800M input and 250M output tokens. */
    public static final TrafficProfile DEFAULT_PROFILE = new TrafficProfile("default", 1_000_000, 800, 250,
            BigDecimal.ZERO, BigDecimal.ZERO, false);

    public static final List<Long> DEFAULT_CURVE = List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L);

    public EngineSettings {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(weights, "weights");
        curveRequests = curveRequests == null ? List.of() : List.copyOf(curveRequests);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(DEFAULT_PROFILE, DEFAULT_CURVE, Weights.defaults());
    }
}
