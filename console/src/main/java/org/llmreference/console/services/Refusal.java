package org.llmreference.console.services;

import java.util.Map;

/**
 * A service refused a call (4xx or 5xx): the problem document's {@code detail}, its field problems
 * ({@code errors[].field} to {@code errors[].message}, in order) and, for a 429, how many seconds
 * {@code Retry-After} asked for.
 */
public class Refusal extends RuntimeException {

    private final Service service;
    private final int status;
    private final Map<String, String> fieldErrors;
    private final long retryAfterSeconds;

    public Refusal(Service service, int status, String detail, Map<String, String> fieldErrors, long retryAfterSeconds) {
        super(detail);
        this.service = service;
        this.status = status;
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Service service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The field problems, keyed by the API's field path (e.g. {@code contextWindow}). */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 409 or 412: someone else changed the resource since it was read. */
    public boolean isConflict() {
        return status == 409 || status == 412;
    }
}
