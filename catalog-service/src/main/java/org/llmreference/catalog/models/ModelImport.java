package org.llmreference.catalog.models;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmreference.importing.bundle.ImportReport;
import org.llmreference.importing.bundle.ImportReport.ImportRejection;
import org.llmreference.platform.audit.AuditEntry;
import org.llmreference.platform.audit.AuditTrail;
import org.llmreference.platform.audit.FieldChange;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.JsonFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the models of a bulk-import bundle: each one is read, checked and compared like a PUT
 * without {@code If-Match}; unchanged models are left alone (no event), invalid ones are rejected
 * one by one while the rest apply. Works in chunks: one {@code $in} read and one unordered bulk
 * write per chunk. An import that changed something is one entry of the audit trail, with its counts.
 */
@Service
public class ModelImport {

    static final int CHUNK = 500;

    private static final Logger log = LoggerFactory.getLogger(ModelImport.class);

    private final Models models;
    private final ModelRules rules;
    private final ModelEditing editing;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    ModelImport(Models models, ModelRules rules, ModelEditing editing, JsonMapper json, AuditTrail audit, Clock clock) {
        this.models = models;
        this.rules = rules;
        this.editing = editing;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** The audit trail's name for a bundle import: one entry with its counts. */
    public static final String ACTION_IMPORT = "bundle-import";

    /** Imports {@code bundleModels} (each the Model JSON of one model, without revision). */
    public ImportReport apply(List<JsonNode> bundleModels) {
        Tally tally = new Tally(bundleModels.size());
        Set<String> seen = new HashSet<>();
        for (int from = 0; from < bundleModels.size(); from += CHUNK) {
            List<JsonNode> chunk = bundleModels.subList(from, Math.min(from + CHUNK, bundleModels.size()));
            applyChunk(chunk, from, seen, tally);
            log.info("Import: {} of {} models processed ({} created, {} changed, {} unchanged, {} rejected)",
                    from + chunk.size(), bundleModels.size(), tally.created, tally.changed, tally.unchanged,
                    tally.rejected.size());
        }
        if (tally.created + tally.changed > 0) {
            // The import spans many documents: its entry is stored once they are (each model's own event
            // carries the import's author).
            audit.record(AuditEntry.of(clock.instant(), audit.service(), ACTION_IMPORT, null, null, List.of(
                    new FieldChange("received", null, tally.received), new FieldChange("created", null, tally.created),
                    new FieldChange("changed", null, tally.changed), new FieldChange("unchanged", null, tally.unchanged),
                    new FieldChange("rejected", null, tally.rejected.size())), null));
        }
        return new ImportReport("models", tally.received, tally.created, tally.changed, tally.unchanged, tally.rejected);
    }

    private void applyChunk(List<JsonNode> chunk, int offset, Set<String> seen, Tally tally) {
        Map<String, ModelInput> valid = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            JsonNode node = chunk.get(i);
            String id = node != null && node.path("id").isString() ? node.path("id").asString() : null;
            String where = "models[" + (offset + i) + "]";
            if (node == null || !node.isObject()) {
                tally.reject(id, new FieldViolation(where, "type", "must be an object"));
                continue;
            }
            ModelInput input;
            try {
                input = json.treeToValue(node, ModelInput.class);
            } catch (JacksonException e) {
                tally.reject(id, JsonFaults.describe(e));
                continue;
            }
            if (input.id() == null) {
                tally.reject(null, new FieldViolation("id", "required", "is required (" + where + ")"));
                continue;
            }
            List<FieldViolation> violations = rules.check(input.id(), input);
            if (!violations.isEmpty()) {
                tally.reject(id, violations);
                continue;
            }
            if (!seen.add(input.id())) {
                tally.reject(id, new FieldViolation("id", "duplicate", "the bundle holds this model twice (" + where + ")"));
                continue;
            }
            valid.put(input.id(), input);
        }

        Map<String, LlmModel> stored = models.findAll(valid.keySet());
        Map<String, String> aliased = models.canonicalsOf(valid.keySet());
        aliased.forEach((id, canonical) -> {
            if (!stored.containsKey(id)) {
                valid.remove(id);
                tally.reject(id, new FieldViolation("id", "alias-taken", "is an alias of model '" + canonical + "'"));
            }
        });
        Instant now = clock.instant();
        List<Models.Announced> writes = new ArrayList<>();
        for (Map.Entry<String, ModelInput> entry : valid.entrySet()) {
            LlmModel current = stored.get(entry.getKey());
            Change change = current == null ? LlmModel.create(entry.getValue().toSnapshot(entry.getKey()))
                    : current.replacedBy(entry.getValue().toSnapshot(entry.getKey()));
            if (change.isNoOp()) {
                tally.unchanged++;
            } else {
                writes.add(new Models.Announced(change, ModelEditing.announce(change, now)));
            }
        }
        Set<String> lost = models.storeAll(writes, now);
        for (Models.Announced write : writes) {
            String id = write.change().after().id();
            if (!lost.contains(id)) {
                tally.count(write.change().creates(), false);
            } else {
                retryAlone(id, valid.get(id), tally);
            }
        }
    }

    /** A model another writer changed during the bulk write: applied again on its own, from a fresh read. */
    private void retryAlone(String id, ModelInput input, Tally tally) {
        try {
            ModelEditing.Edit edit = editing.put(id, ExpectedRevision.NONE, input);
            tally.count(edit.created(), edit.changedNothing());
        } catch (EditRefused refused) {
            tally.reject(id, refused.violations().isEmpty()
                    ? List.of(new FieldViolation("id", refused.reason().word(), refused.getMessage())) : refused.violations());
        }
    }

    private static final class Tally {

        final int received;
        int created;
        int changed;
        int unchanged;
        final List<ImportRejection> rejected = new ArrayList<>();

        Tally(int received) {
            this.received = received;
        }

        void count(boolean creates, boolean changedNothing) {
            if (creates) {
                created++;
            } else if (changedNothing) {
                unchanged++;
            } else {
                changed++;
            }
        }

        void reject(String id, FieldViolation violation) {
            reject(id, List.of(violation));
        }

        /** One rejection per model: its first violation, with every violation in the message. */
        void reject(String id, List<FieldViolation> violations) {
            FieldViolation first = violations.get(0);
            String message = violations.size() == 1 ? first.message()
                    : first.message() + " (and " + (violations.size() - 1) + " more: "
                            + String.join("; ", violations.subList(1, violations.size()).stream()
                                    .map(v -> v.field() + " " + v.rule()).toList()) + ")";
            rejected.add(new ImportRejection(id, first.field(), first.rule(), message));
        }
    }
}
