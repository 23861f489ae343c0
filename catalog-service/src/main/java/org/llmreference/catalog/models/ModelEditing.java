package org.llmreference.catalog.models;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.platform.audit.AuditEntry;
import org.llmreference.platform.audit.AuditQuery;
import org.llmreference.platform.audit.AuditTrail;
import org.llmreference.platform.web.FieldViolation;
import org.springframework.stereotype.Service;

/**
 * What editors do to models: create or replace, patch, retire. Each write is checked against the
 * {@link ExpectedRevision} (the request's {@code If-Match}) and {@link ModelRules}, turned into a
 * {@link Change}, and stored with the event that announces it in one single-document write. A write
 * that changes nothing keeps the revision and announces nothing. When another writer wins the race, a
 * write that expected a revision is refused as stale; one without is computed again once from a fresh
 * read. A refused write throws {@link EditRefused}. An accepted write is recorded in the audit trail
 * in the same write, as one of the {@code ACTION_} kinds.
 */
@Service
public class ModelEditing {

    /** The audit trail's names for what an editor did to a model. */
    public static final String ACTION_CREATE = "model-create";
    public static final String ACTION_REPLACE = "model-replace";
    public static final String ACTION_PATCH = "model-patch";
    public static final String ACTION_RETIRE = "model-retire";

    private final Models models;
    private final ModelRules rules;
    private final AuditTrail audit;
    private final Clock clock;

    ModelEditing(Models models, ModelRules rules, AuditTrail audit, Clock clock) {
        this.models = models;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The outcome of an accepted write.
     *
     * @param causedBy the id of the event the write started, {@code null} when it changed nothing
     */
    public record Edit(LlmModel model, boolean created, String causedBy) {

        public boolean changedNothing() {
            return causedBy == null;
        }
    }

    public Optional<LlmModel> find(String id) {
        return models.find(id);
    }

    /** The model that lists {@code alias} among its other ids, if one does. */
    public Optional<String> canonicalOf(String alias) {
        return models.canonicalOf(alias);
    }

    /**
     * The model's history: every accepted change recorded for it (up to the last
     * {@value AuditQuery#MAX_LIMIT}), oldest first; empty for a model that never changed since the
     * trail began.
     */
    public List<AuditEntry> history(String id) {
        List<AuditEntry> oldestFirst = new ArrayList<>(audit.find(AuditQuery.ofModel(id)));
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    public ModelPage list(ModelFilter filter, int page, int size) {
        return models.page(filter, page, size);
    }

    /** Creates the model {@code id} or replaces its whole state. */
    public Edit put(String id, ExpectedRevision expected, ModelInput input) {
        return write(id, current -> {
            preconditions(id, expected, current, input);
            refuseIfInvalid(id, input);
            if (current == null) {
                models.canonicalOf(id).ifPresent(canonical -> {
                    throw EditRefused.aliasTaken(id, canonical);
                });
            }
            return current == null ? LlmModel.create(input.toSnapshot(id)) : current.replacedBy(input.toSnapshot(id));
        }, current -> current == null ? ACTION_CREATE : ACTION_REPLACE);
    }

    /**
     * Changes an existing model: {@code patched} gives the whole input the patch makes of the current
     * state (it is applied again to a fresh read if another writer got there first).
     */
    public Edit patch(String id, ExpectedRevision expected, Function<LlmModel, ModelInput> patched) {
        return write(id, current -> {
            existing(id, expected, current);
            ModelInput input = patched.apply(current);
            preconditions(id, expected, current, input);
            refuseIfInvalid(id, input);
            return current.replacedBy(input.toSnapshot(id));
        }, current -> ACTION_PATCH);
    }

    /** Retires the model: its status becomes {@code retired}; a retired model stays as it is. */
    public Edit retire(String id, ExpectedRevision expected) {
        return write(id, current -> {
            existing(id, expected, current);
            return current.retired();
        }, current -> ACTION_RETIRE);
    }

    /** The event announcing {@code change}, accepted at {@code now}: it starts a new chain. */
    static Envelope<CatalogEvent> announce(Change change, Instant now) {
        return Envelope.startingChain(change.event(), change.after().id(), change.after().revision(), now);
    }

    /**
     * Applies {@code proposal} to the stored model and stores the result. When another writer got
     * there first, the proposal is applied once more to a fresh read: a write that expected a revision
     * then fails its precondition, one without is computed again.
     */
    private Edit write(String id, Function<LlmModel, Change> proposal, Function<LlmModel, String> action) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            LlmModel current = models.find(id).orElse(null);
            Change change = proposal.apply(current);
            if (change.isNoOp()) {
                return new Edit(current, false, null);
            }
            Instant now = clock.instant();
            Envelope<CatalogEvent> event = announce(change, now);
            if (models.store(change, event, now, action.apply(current)) == Models.Write.STORED) {
                return new Edit(change.after(), change.creates(), event.causedBy());
            }
        }
        throw EditRefused.concurrentEdit(id);
    }

    /** A PATCH or DELETE needs the model: not found without it, or a stale revision when the writer expected one of it. */
    private static void existing(String id, ExpectedRevision expected, LlmModel current) {
        if (current == null) {
            throw expected.stated() ? EditRefused.revisionOfAbsentModel(id) : EditRefused.notFound(id);
        }
        expected.require(current.revision());
    }

    /** The expected revision (or a {@code revision} in the body) must be the current one; a model that does not exist has none. */
    private static void preconditions(String id, ExpectedRevision expected, LlmModel current, ModelInput input) {
        if (current == null) {
            if (expected.stated() || input.revision() != null) {
                throw EditRefused.revisionOfAbsentModel(id);
            }
            return;
        }
        expected.require(current.revision());
        if (input.revision() != null && input.revision() != current.revision()) {
            throw EditRefused.staleRevision(input.revision(), current.revision());
        }
    }

    private void refuseIfInvalid(String id, ModelInput input) {
        List<FieldViolation> violations = rules.check(id, input);
        if (!violations.isEmpty()) {
            throw EditRefused.invalid(violations);
        }
    }
}
