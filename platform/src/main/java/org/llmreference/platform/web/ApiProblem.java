package org.llmreference.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with what the client needs to fix it. {@link ProblemHandling} turns it
 * into an RFC 9457 problem body whose {@code type} ends in {@link #type()} and whose {@code errors}
 * list the {@link #violations()}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldViolation> violations;

    public ApiProblem(HttpStatus status, String type, String title, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    /** 400: the body or a parameter breaks the rules listed. */
    public static ApiProblem invalid(List<FieldViolation> violations) {
        String detail = violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid; see errors";
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail, violations);
    }

    public static ApiProblem invalid(String field, String rule, String message) {
        return invalid(List.of(new FieldViolation(field, rule, message)));
    }

    /** 404: there is no such {@code kind} (e.g. "model") with this id. */
    public static ApiProblem notFound(String kind, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No " + kind + " '" + id + "' exists.");
    }

    /** 412: the client's {@code If-Match} names a revision that is no longer current. */
    public static ApiProblem staleRevision(long expected, long current) {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-revision", "Stale revision",
                "If-Match names revision " + expected + " but the current revision is " + current
                        + "; read the resource again and reapply your change.");
    }

    /** 422: the request is well formed but cannot be applied to the current state. */
    public static ApiProblem unprocessable(String field, String rule, String message) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, rule, "Cannot be applied", message,
                List.of(new FieldViolation(field, rule, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
