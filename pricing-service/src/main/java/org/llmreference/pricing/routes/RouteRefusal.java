package org.llmreference.pricing.routes;

import java.util.List;

import org.llmreference.platform.web.FieldViolation;

/**
 * Why a command on a price list was refused, in the domain's words; nothing was stored. The web
 * layer answers each kind with its problem document.
 */
public abstract sealed class RouteRefusal extends RuntimeException {

    private RouteRefusal(String message) {
        super(message);
    }

    /** The ids or the route break {@link RouteRules}; every violation is listed. */
    public static final class Invalid extends RouteRefusal {

        private final List<FieldViolation> violations;

        public Invalid(List<FieldViolation> violations) {
            super(violations.size() + " violation(s), the first: " + violations.get(0));
            this.violations = List.copyOf(violations);
        }

        public List<FieldViolation> violations() {
            return violations;
        }
    }

    /** The route is well formed but cannot be taken: the model is unknown or retired, or the provider is unknown. */
    public static final class NotAdmitted extends RouteRefusal {

        private final FieldViolation reason;

        NotAdmitted(FieldViolation reason) {
            super(reason.message());
            this.reason = reason;
        }

        public FieldViolation reason() {
            return reason;
        }
    }

    /** There is no such {@code kind} ({@code route}, {@code scheduled change}) with this id. */
    public static final class NotFound extends RouteRefusal {

        private final String kind;
        private final String id;

        public NotFound(String kind, String id) {
            super("no " + kind + " '" + id + "'");
            this.kind = kind;
            this.id = id;
        }

        public String kind() {
            return kind;
        }

        public String id() {
            return id;
        }
    }

    /** {@code If-Match} named a revision of the price list that is no longer the current one. */
    public static final class StaleRevision extends RouteRefusal {

        private final long expected;
        private final long current;

        StaleRevision(long expected, long current) {
            super("expected revision " + expected + ", current " + current);
            this.expected = expected;
            this.current = current;
        }

        public long expected() {
            return expected;
        }

        public long current() {
            return current;
        }
    }

    /** The price list kept changing under the command, every attempt lost its race. */
    public static final class ConcurrentChange extends RouteRefusal {

        private final String modelId;

        ConcurrentChange(String modelId) {
            super("the price list of " + modelId + " kept changing");
            this.modelId = modelId;
        }

        public String modelId() {
            return modelId;
        }
    }
}
