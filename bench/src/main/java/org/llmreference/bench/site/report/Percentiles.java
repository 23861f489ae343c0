package org.llmreference.bench.site.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * Nearest-rank percentiles of a sample: the p-th percentile is the smallest value with at least p %
 * of the sample at or below it, so it is always a value that was measured. A timed-out measurement
 * is {@link Double#POSITIVE_INFINITY}: it sorts last and shows up in the high percentiles as such.
 */
public final class Percentiles {

    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (Arrays.stream(sorted).anyMatch(Double::isNaN)) {
            throw new IllegalArgumentException("a sample must not hold NaN");
        }
        return new Percentiles(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** The p-th percentile, 0 &lt; p &le; 100; NaN for an empty sample. */
    public double percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is above 0 and at most 100, not " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public double median() {
        return percentile(50);
    }

    /** The largest value; NaN for an empty sample. */
    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** The smallest value; NaN for an empty sample. */
    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }
}
