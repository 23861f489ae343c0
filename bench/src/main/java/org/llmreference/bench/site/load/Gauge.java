package org.llmreference.bench.site.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One gauge of a Prometheus text exposition, summed over its series. */
final class Gauge {

    private Gauge() {
    }

    /** The sum of every sample of {@code name}; NaN when the exposition has none. */
    static double read(String exposition, String name) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{[^}]*})?\\s+(\\S+)", Pattern.MULTILINE)
                .matcher(exposition);
        double sum = Double.NaN;
        while (sample.find()) {
            double value = Double.parseDouble(sample.group(1));
            sum = Double.isNaN(sum) ? value : sum + value;
        }
        return sum;
    }
}
