package org.llmreference.page.rendering;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.llmreference.contracts.comparison.TrafficProfile;

/**
 * The cost calculator's form as a page shows it: each field's value as the visitor wrote it (or as
 * the page's own traffic profile has it), a message per field the visitor got wrong, and whether
 * the figures are for a visitor's workload rather than the page's (such a page is {@code noindex}).
 * Shares are written in percent.
 *
 * @param errors message by field name ({@link #FIELDS}); empty when every value was understood
 */
public record Workload(String requests, String input, String output, String cached, String longContext, String batch,
        Map<String, String> errors, boolean custom) {

    /** The query parameters of the form, in form order. */
    public static final List<String> FIELDS = List.of("requests", "input", "output", "cached", "long", "batch");

    public Workload {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    /** The form filled in with the page's own traffic. */
    public static Workload of(TrafficProfile profile) {
        return new Workload(Long.toString(profile.requestsPerMonth()), Long.toString(profile.inputTokensPerRequest()),
                Long.toString(profile.outputTokensPerRequest()), percent(profile.cachedInputShare()),
                percent(profile.longContextShare()), percent(profile.effectiveBatchShare()), Map.of(), false);
    }

    /** The value of a field by its parameter name. */
    public String value(String field) {
        return switch (field) {
            case "requests" -> requests;
            case "input" -> input;
            case "output" -> output;
            case "cached" -> cached;
            case "long" -> longContext;
            case "batch" -> batch;
            default -> throw new IllegalArgumentException("No calculator field " + field);
        };
    }

    /** The message for a field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    /** A share as a plain percent: 0.25 is {@code 25}, absent is {@code 0}. */
    static String percent(BigDecimal share) {
        return share == null ? "0" : share.movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
