package org.llmreference.comparison.engine;

import java.math.BigDecimal;

/**
 * The verdict's weight per dimension, in points out of the sum of all weights. Model-intrinsic
 * dimensions (context, capabilities, licence, recency) weigh more than where and at what price a
 * model is sold today, which changes week by week: "safer overall" means the safer model to build
 * on, and the alternative's strongest dimension says when to pick it anyway.
 */
public record Weights(
        BigDecimal contextWindow,
        BigDecimal capabilityBreadth,
        BigDecimal licenseOpenness,
        BigDecimal providerCoverage,
        BigDecimal price,
        BigDecimal benchmarks,
        BigDecimal recency) {

    public static Weights defaults() {
        return new Weights(new BigDecimal("20"), new BigDecimal("20"), new BigDecimal("15"), new BigDecimal("10"),
                new BigDecimal("10"), new BigDecimal("10"), new BigDecimal("15"));
    }
}
