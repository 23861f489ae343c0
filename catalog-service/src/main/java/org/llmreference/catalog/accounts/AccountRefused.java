package org.llmreference.catalog.accounts;

import java.util.List;

import org.llmreference.platform.web.FieldViolation;

/** A request about accounts that cannot be granted, and why; the web layer answers it as a problem. */
public class AccountRefused extends RuntimeException {

    /** Why: each maps to one HTTP status. */
    public enum Reason {
        INVALID, FORBIDDEN, NOT_FOUND, CONFLICT
    }

    private final Reason reason;
    private final List<FieldViolation> violations;

    AccountRefused(Reason reason, String message, List<FieldViolation> violations) {
        super(message);
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    static AccountRefused invalid(String field, String rule, String message) {
        return new AccountRefused(Reason.INVALID, field + ": " + message, List.of(new FieldViolation(field, rule, message)));
    }

    static AccountRefused forbidden(String message) {
        return new AccountRefused(Reason.FORBIDDEN, message, List.of());
    }

    static AccountRefused notFound(String kind, String id) {
        return new AccountRefused(Reason.NOT_FOUND, "No " + kind + " '" + id + "' exists.", List.of());
    }

    static AccountRefused conflict(String field, String rule, String message) {
        return new AccountRefused(Reason.CONFLICT, message, List.of(new FieldViolation(field, rule, message)));
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
