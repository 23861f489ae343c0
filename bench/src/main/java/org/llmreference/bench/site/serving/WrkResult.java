package org.llmreference.bench.site.serving;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run with {@code --latency} printed: throughput, latency percentiles, request count and
 * the errors it counted. wrk writes durations with a unit (us, ms, s, m, h); they are kept in milliseconds.
 *
 * @param non2xx3xx    responses with a status of 400 or more ("Non-2xx or 3xx responses", 0 when wrk printed no such line)
 * @param socketErrors connect, read, write and timeout errors together (0 when wrk printed no such line)
 */
record WrkResult(double requestsPerSecond, double p50Millis, double p99Millis, long requests, double seconds,
        long non2xx3xx, long socketErrors) {

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m|h),");
    private static final Pattern NON_2XX_3XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** Reads wrk's report; fails, quoting it, when it has no throughput or no latency distribution. */
    static WrkResult parse(String output) {
        Matcher rps = REQUESTS_PER_SECOND.matcher(output);
        Matcher total = TOTAL.matcher(output);
        if (!rps.find() || !total.find()) {
            throw new IllegalArgumentException("not a wrk report (no \"Requests/sec\" or \"requests in\" line):\n" + output);
        }
        long socketErrors = 0;
        Matcher errors = SOCKET_ERRORS.matcher(output);
        if (errors.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(errors.group(group));
            }
        }
        Matcher non2xx = NON_2XX_3XX.matcher(output);
        return new WrkResult(Double.parseDouble(rps.group(1)), percentile(output, "50"), percentile(output, "99"),
                Long.parseLong(total.group(1)), millis(total.group(2), total.group(3)) / 1000,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors);
    }

    private static double percentile(String output, String percent) {
        int distribution = output.indexOf("Latency Distribution");
        if (distribution < 0) {
            throw new IllegalArgumentException("no \"Latency Distribution\" in the wrk report (run it with --latency):\n" + output);
        }
        Matcher line = Pattern.compile("^\\s*" + percent + "(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s|m|h)\\s*$", Pattern.MULTILINE)
                .matcher(output.substring(distribution));
        if (!line.find()) {
            throw new IllegalArgumentException("no " + percent + "% line in the wrk latency distribution:\n" + output);
        }
        return millis(line.group(1), line.group(2));
    }

    static double millis(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> number / 1000;
            case "ms" -> number;
            case "s" -> number * 1000;
            case "m" -> number * 60_000;
            case "h" -> number * 3_600_000;
            default -> throw new IllegalArgumentException("an unknown wrk time unit: " + unit);
        };
    }
}
