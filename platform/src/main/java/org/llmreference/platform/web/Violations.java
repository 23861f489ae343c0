package org.llmreference.platform.web;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.llmreference.contracts.Slugs;

/**
 * Collects what is wrong with one request, field by field, then refuses it as a whole:
 * <pre>{@code
 * Violations v = new Violations();
 * v.text("name", input.name(), 200, true);
 * v.slug("successorId", input.successorId(), false);
 * v.throwIfAny();   // ApiProblem 400 listing every violation
 * }</pre>
 */
public final class Violations {

    private final List<FieldViolation> list = new ArrayList<>();

    public Violations add(String field, String rule, String message) {
        list.add(new FieldViolation(field, rule, message));
        return this;
    }

    /** Adds a violation when {@code broken} holds; answers whether the value was fine. */
    public boolean check(boolean broken, String field, String rule, String message) {
        if (broken) {
            add(field, rule, message);
        }
        return !broken;
    }

    public boolean required(String field, Object value) {
        return check(value == null, field, "required", "is required");
    }

    /**
     * Plain text: at most {@code maxLength} characters, something visible in it, and only characters
     * the text rule allows ({@link PlainText}).
     */
    public boolean text(String field, String value, int maxLength, boolean required) {
        if (value == null) {
            return !required || required(field, null);
        }
        FieldViolation characters = PlainText.problem(field, value);
        if (characters != null) {
            list.add(characters);
            return false;
        }
        return check(PlainText.isBlank(value), field, "not-blank", "must not be blank (it has no visible character)")
                && check(value.length() > maxLength, field, "max-length", "must be at most " + maxLength + " characters")
                && check(!value.equals(value.strip()), field, "trimmed", "must not start or end with spaces");
    }

    public boolean slug(String field, String value, boolean required) {
        if (value == null) {
            return !required || required(field, null);
        }
        String problem = Slugs.problem(value);
        return check(problem != null, field, "slug", problem);
    }

    /**
     * An absolute http or https URL (never {@code javascript:} or other schemes) without user
     * information: {@code https://openrouter.ai@evil.example/} leads to evil.example, not where it
     * seems to.
     */
    public boolean httpUrl(String field, String value, boolean required) {
        if (value == null) {
            return !required || required(field, null);
        }
        if (!text(field, value, 2048, true)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            return check(!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null, field, "http-url",
                    "must be an absolute http or https URL")
                    && check(uri.getRawUserInfo() != null, field, "no-userinfo",
                            "must not hold user information (the part before '@' in the host)");
        } catch (URISyntaxException e) {
            return check(true, field, "http-url", "must be an absolute http or https URL");
        }
    }

    /** A whole number within {@code [min, max]}. */
    public boolean range(String field, Long value, long min, long max) {
        if (value == null) {
            return true;
        }
        return check(value < min, field, "min", "must be at least " + min)
                && check(value > max, field, "max", "must be at most " + max);
    }

    /** A decimal within {@code [min, max]} with at most {@code maxScale} decimal places. */
    public boolean decimal(String field, BigDecimal value, BigDecimal min, BigDecimal max, int maxScale) {
        if (value == null) {
            return true;
        }
        return check(value.compareTo(min) < 0, field, "min", "must be at least " + min.toPlainString())
                && check(value.compareTo(max) > 0, field, "max", "must be at most " + max.toPlainString())
                && check(value.stripTrailingZeros().scale() > maxScale, field, "scale",
                        "must have at most " + maxScale + " decimal places");
    }

    /** A date no earlier than {@code earliest} and no later than {@code latest}. */
    public boolean date(String field, LocalDate value, LocalDate earliest, LocalDate latest) {
        if (value == null) {
            return true;
        }
        return check(value.isBefore(earliest), field, "too-early", "must not be before " + earliest)
                && check(value.isAfter(latest), field, "too-far-in-future", "must not be after " + latest);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(list);
    }

    /** Refuses the request with every violation found so far. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw ApiProblem.invalid(list);
        }
    }
}
