package org.llmreference.platform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.PlainText;

/**
 * What an audit trail reader asks for: the entries of one editor (account id), model, provider, from
 * and to a day (ISO dates, UTC, both included), at most {@code limit} of them, newest first.
 */
public record AuditQuery(String editor, String model, String provider, LocalDate from, LocalDate to, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** Every entry of one model, newest first (its history). */
    public static AuditQuery ofModel(String modelId) {
        return new AuditQuery(null, modelId, null, null, null, MAX_LIMIT);
    }

    /** The first instant of {@link #from()}, or {@code null}. */
    public Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after {@link #to()}, or {@code null}. */
    public Instant untilInstant() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * The query of request parameters {@code editor}, {@code model}, {@code provider}, {@code from},
     * {@code to} and {@code limit}.
     *
     * @throws ApiProblem 400 naming each parameter that is not what it should be
     */
    public static AuditQuery parse(Map<String, String> parameters) {
        List<FieldViolation> violations = new ArrayList<>();
        String editor = text("editor", parameters.get("editor"), violations);
        String model = text("model", parameters.get("model"), violations);
        String provider = text("provider", parameters.get("provider"), violations);
        LocalDate from = date("from", parameters.get("from"), violations);
        LocalDate to = date("to", parameters.get("to"), violations);
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new FieldViolation("to", "before-from", "must not be before from (" + from + ")"));
        }
        int limit = DEFAULT_LIMIT;
        String limitText = parameters.get("limit");
        if (limitText != null && !limitText.isBlank()) {
            try {
                limit = Integer.parseInt(limitText.strip());
                if (limit < 1 || limit > MAX_LIMIT) {
                    violations.add(new FieldViolation("limit", "out-of-range", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                violations.add(new FieldViolation("limit", "not-a-number", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return new AuditQuery(editor, model, provider, from, to, limit);
    }

    private static String text(String name, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        FieldViolation problem = PlainText.problem(name, value);
        if (problem != null) {
            violations.add(problem);
            return null;
        }
        if (value.length() > 200) {
            violations.add(new FieldViolation(name, "too-long", "must be at most 200 characters"));
            return null;
        }
        return value.strip();
    }

    private static LocalDate date(String name, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(name, "not-a-date", "must be an ISO date such as 2026-03-01, not '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'"));
            return null;
        }
    }
}
