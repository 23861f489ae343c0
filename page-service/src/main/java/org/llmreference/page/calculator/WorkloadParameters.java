package org.llmreference.page.calculator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.llmreference.contracts.comparison.TrafficProfile;
import org.llmreference.page.rendering.Workload;

/**
 * The cost calculator's query parameters read into a workload: requests per month, input and
 * output tokens per request (whole numbers), and the cached, long-context and batch shares in
 * percent. A parameter left out keeps the page's value; a value that is not understood gets a
 * message for its field. {@code calculator.js} checks the same rules.
 *
 * @param profile  the workload; null when any value was not understood
 * @param workload the form as the visitor filled it in, with the messages
 */
public record WorkloadParameters(TrafficProfile profile, Workload workload) {

    static final long MAX_REQUESTS = 1_000_000_000_000L;
    static final long MAX_TOKENS = 10_000_000L;
    private static final Pattern WHOLE = Pattern.compile("\\d{1,13}");
    private static final Pattern SHARE = Pattern.compile("\\d{1,3}(\\.\\d{1,4})?");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Whether the request asks for a workload at all (any calculator parameter is present). */
    public static boolean asked(Map<String, String> parameters) {
        return Workload.FIELDS.stream().anyMatch(parameters::containsKey);
    }

    /** Reads {@code parameters} over the page's own {@code page} profile. */
    public static WorkloadParameters read(Map<String, String> parameters, TrafficProfile page) {
        Workload defaults = Workload.of(page);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : Workload.FIELDS) {
            String value = parameters.get(field);
            values.put(field, value == null ? defaults.value(field) : value.strip());
        }
        long requests = whole(values, errors, "requests", MAX_REQUESTS);
        long input = whole(values, errors, "input", MAX_TOKENS);
        long output = whole(values, errors, "output", MAX_TOKENS);
        BigDecimal cached = share(values, errors, "cached");
        BigDecimal longContext = share(values, errors, "long");
        BigDecimal batch = share(values, errors, "batch");
        Workload workload = new Workload(values.get("requests"), values.get("input"), values.get("output"),
                values.get("cached"), values.get("long"), values.get("batch"), errors, true);
        if (!errors.isEmpty()) {
            return new WorkloadParameters(null, workload);
        }
        return new WorkloadParameters(new TrafficProfile("custom", requests, input, output, cached, longContext, false,
                batch), workload);
    }

    private static long whole(Map<String, String> values, Map<String, String> errors, String field, long max) {
        String value = values.get(field);
        if (WHOLE.matcher(value).matches()) {
            long number = Long.parseLong(value);
            if (number <= max) {
                return number;
            }
        }
        errors.put(field, "Enter a whole number from 0 to " + String.format(java.util.Locale.ROOT, "%,d", max) + ".");
        return 0;
    }

    private static BigDecimal share(Map<String, String> values, Map<String, String> errors, String field) {
        String value = values.get(field);
        if (SHARE.matcher(value).matches()) {
            BigDecimal percent = new BigDecimal(value);
            if (percent.compareTo(HUNDRED) <= 0) {
                return percent.movePointLeft(2);
            }
        }
        errors.put(field, "Enter a percentage from 0 to 100.");
        return null;
    }
}
