package org.llmreference.bench.site.propagation;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One histogram read from a Prometheus text exposition: its cumulative bucket counts by upper bound
 * ({@code le}), summed over every series whose labels include the wanted ones. Two readings give the
 * histogram of what happened in between ({@link #minus}), and a quantile is estimated from it the way
 * Prometheus' {@code histogram_quantile} does: linear interpolation inside the bucket the rank falls in.
 */
record PrometheusHistogram(NavigableMap<Double, Double> cumulative) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    PrometheusHistogram {
        cumulative = Collections.unmodifiableNavigableMap(new TreeMap<>(cumulative));
    }

    /**
     * The buckets of {@code metric} (its {@code _bucket} series) whose labels include every one of
     * {@code labels}; empty when there is none yet (a histogram nothing was recorded in).
     */
    static PrometheusHistogram parse(String exposition, String metric, Map<String, String> labels) {
        String bucketName = metric + "_bucket";
        NavigableMap<Double, Double> buckets = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.matches() || !sample.group(1).equals(bucketName)) {
                continue;
            }
            Map<String, String> seriesLabels = labels(sample.group(2));
            if (!seriesLabels.entrySet().containsAll(labels.entrySet())) {
                continue;
            }
            String le = seriesLabels.get("le");
            if (le == null) {
                throw new IllegalArgumentException("a bucket without an le label: " + line);
            }
            buckets.merge(bound(le), Double.parseDouble(sample.group(3)), Double::sum);
        }
        return new PrometheusHistogram(buckets);
    }

    /** What was counted since {@code earlier}, bucket by bucket. */
    PrometheusHistogram minus(PrometheusHistogram earlier) {
        NavigableMap<Double, Double> delta = new TreeMap<>();
        cumulative.forEach((le, count) -> delta.put(le, count - earlier.cumulative.getOrDefault(le, 0.0)));
        return new PrometheusHistogram(delta);
    }

    /** How many observations: the +Inf bucket. */
    double count() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /**
     * The estimated q-quantile (0 &lt; q &lt; 1), NaN without observations. The lowest bucket is taken
     * to start at 0; a rank in the +Inf bucket answers the highest finite bound, as Prometheus does.
     */
    double quantile(double q) {
        if (q <= 0 || q >= 1) {
            throw new IllegalArgumentException("a quantile is between 0 and 1, not " + q);
        }
        double total = count();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double countBelow = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            double upperBound = bucket.getKey();
            double countUpTo = bucket.getValue();
            if (countUpTo >= rank) {
                if (Double.isInfinite(upperBound)) {
                    return lowerBound;
                }
                double inBucket = countUpTo - countBelow;
                return lowerBound + (upperBound - lowerBound) * (rank - countBelow) / inBucket;
            }
            lowerBound = upperBound;
            countBelow = countUpTo;
        }
        return lowerBound;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }

    private static double bound(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }
}
