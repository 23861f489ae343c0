package org.llmreference.pricing.routes;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A price in USD per one million tokens: an exact decimal from 0 to {@value #MAX_TEXT} with at most
 * {@value #MAX_SCALE} decimal places. Never rounded: a value that needs rounding is refused.
 * Trailing zeros are dropped, so {@code 0.030} and {@code 0.03} are the same price.
 */
public record PricePerMTok(BigDecimal value) implements Comparable<PricePerMTok> {

    public static final String MAX_TEXT = "10000";
    public static final BigDecimal MAX = new BigDecimal(MAX_TEXT);
    public static final int MAX_SCALE = 10;

    public PricePerMTok {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("a price per 1M tokens must be within 0.." + MAX_TEXT + ", was " + value);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE) {
            throw new IllegalArgumentException("a price per 1M tokens has at most " + MAX_SCALE + " decimal places, was " + value);
        }
        value = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@code null} for an absent price. */
    public static PricePerMTok ofNullable(BigDecimal value) {
        return value == null ? null : new PricePerMTok(value);
    }

    /** The decimal of a price that may be absent. */
    public static BigDecimal valueOf(PricePerMTok price) {
        return price == null ? null : price.value;
    }

    @Override
    public int compareTo(PricePerMTok other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
