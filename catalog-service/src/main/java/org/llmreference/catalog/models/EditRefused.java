package org.llmreference.catalog.models;

import java.util.List;

import org.llmreference.platform.web.FieldViolation;

/**
 * An edit of a model that cannot be applied, and why, in words a person can act on. The web layer
 * answers it as a problem document; an import reports it as the model's rejection.
 */
public class EditRefused extends RuntimeException {

    /** Why an edit was refused; {@link #word()} is a short stable word for it. */
    public enum Reason {
        /** There is no such model. */
        NOT_FOUND("not-found"),
        /** The writer expected another revision, or a revision of a model that does not exist. */
        STALE_REVISION("stale-revision"),
        /** Other writers kept changing the model while the edit was applied. */
        CONCURRENT_EDIT("concurrent-edit"),
        /** The id is already another model's alias. */
        ALIAS_TAKEN("alias-taken"),
        /** The model the edit makes breaks the rules listed in {@link EditRefused#violations()}. */
        INVALID("invalid-input");

        private final String word;

        Reason(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    private final Reason reason;
    private final List<FieldViolation> violations;

    private EditRefused(Reason reason, String message, List<FieldViolation> violations) {
        super(message);
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    public static EditRefused notFound(String id) {
        return new EditRefused(Reason.NOT_FOUND, "No model '" + id + "' exists.", List.of());
    }

    public static EditRefused aliasTaken(String id, String canonical) {
        return new EditRefused(Reason.ALIAS_TAKEN, "'" + id + "' is an alias of model '" + canonical
                + "'; edit that model, or remove the alias from it first.", List.of());
    }

    public static EditRefused staleRevision(long expected, long current) {
        return new EditRefused(Reason.STALE_REVISION, "If-Match names revision " + expected
                + " but the current revision is " + current + "; read the resource again and reapply your change.", List.of());
    }

    public static EditRefused revisionOfAbsentModel(String id) {
        return new EditRefused(Reason.STALE_REVISION,
                "If-Match names a revision of model '" + id + "', which does not exist.", List.of());
    }

    public static EditRefused concurrentEdit(String id) {
        return new EditRefused(Reason.CONCURRENT_EDIT,
                "Model '" + id + "' kept changing while this write was applied; read it again and retry.", List.of());
    }

    public static EditRefused invalid(List<FieldViolation> violations) {
        String message = violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid; see errors";
        return new EditRefused(Reason.INVALID, message, violations);
    }

    public Reason reason() {
        return reason;
    }

    /** The rules the model broke; empty unless the reason is {@link Reason#INVALID}. */
    public List<FieldViolation> violations() {
        return violations;
    }
}
