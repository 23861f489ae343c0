package org.llmreference.catalog.models;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.llmreference.contracts.Envelope;
import org.llmreference.platform.audit.AuditEntry;
import org.llmreference.platform.audit.AuditTrail;
import org.llmreference.platform.audit.FieldChange;
import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.PendingEvent;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The stored models, one document each:
 * {@code {_id, revision, model: {...}, updatedAt, outbox: [pending events], auditPending: [entries]}}.
 * A change, the event announcing it and (for an editor's write) its audit entry are one
 * single-document write, guarded by the revision it was computed from, so of two concurrent writers
 * only one wins; the outbox relay is woken after every write, and the entry moves into the audit trail.
 */
@Component
class Models {

    private final MongoCollection<Document> collection;
    private final OutboxRelay relay;
    private final AuditTrail audit;

    Models(MongoDatabase database, OutboxRelay modelsOutboxRelay, AuditTrail audit) {
        this.collection = database.getCollection(ModelsMessaging.COLLECTION);
        this.relay = modelsOutboxRelay;
        this.audit = audit;
        audit.watch(collection);
    }

    /** What became of a write. */
    enum Write {
        /** The change and its event are stored. */
        STORED,
        /** Another writer got there first (the model was created, or its revision moved): nothing was stored. */
        LOST_RACE
    }

    /** A change to store together with the event that announces it. */
    record Announced(Change change, Envelope<?> event) {
    }

    Optional<LlmModel> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).projection(withoutOutbox()).first())
                .map(Models::model);
    }

    /** The id of the model that lists {@code alias} among its aliases, if one does. */
    Optional<String> canonicalOf(String alias) {
        return Optional.ofNullable(collection.find(Filters.eq("model." + ModelDocuments.ALIASES, alias))
                .projection(new Document("_id", 1)).first()).map(document -> document.getString("_id"));
    }

    /** For each of {@code ids} that is another model's alias: that model's id (one query). */
    Map<String, String> canonicalsOf(Collection<String> ids) {
        Map<String, String> found = new HashMap<>();
        for (Document document : collection.find(Filters.in("model." + ModelDocuments.ALIASES, ids))
                .projection(new Document("_id", 1).append("model." + ModelDocuments.ALIASES, 1))) {
            Document model = document.get("model", Document.class);
            for (String alias : model.getList(ModelDocuments.ALIASES, String.class, List.of())) {
                if (ids.contains(alias)) {
                    found.put(alias, document.getString("_id"));
                }
            }
        }
        return found;
    }

    /** The stored models among {@code ids}, by id (one query). */
    Map<String, LlmModel> findAll(Collection<String> ids) {
        Map<String, LlmModel> found = new HashMap<>();
        for (Document document : collection.find(Filters.in("_id", ids)).projection(withoutOutbox())) {
            LlmModel model = model(document);
            found.put(model.id(), model);
        }
        return found;
    }

    /** One page of the models matching {@code filter}, sorted by id. */
    ModelPage page(ModelFilter filter, int page, int size) {
        Bson query = query(filter);
        List<LlmModel> items = new ArrayList<>();
        for (Document document : collection.find(query).projection(withoutOutbox()).sort(Sorts.ascending("_id"))
                .skip(page * size).limit(size)) {
            items.add(model(document));
        }
        return new ModelPage(items, page, size, collection.countDocuments(query));
    }

    /** {@link #store(Change, Envelope, Instant, String)}, its action named by what the change does. */
    Write store(Change change, Envelope<?> event, Instant at) {
        return store(change, event, at, change.creates() ? ModelEditing.ACTION_CREATE
                : change.retires() ? ModelEditing.ACTION_RETIRE : ModelEditing.ACTION_REPLACE);
    }

    /**
     * Stores {@code change} with its pending {@code event} and the audit entry of the editor's
     * {@code action}: inserts a created model, or replaces the model if it still has the revision the
     * change was computed from.
     */
    Write store(Change change, Envelope<?> event, Instant at, String action) {
        Document entry = AuditTrail.pending(auditEntry(change, event, at, action));
        try {
            if (change.creates()) {
                collection.insertOne(insertion(change, event, at).append(AuditTrail.PENDING, List.of(entry)));
            } else if (collection.updateOne(guard(change),
                    Updates.combine(update(change, event, at), Updates.push(AuditTrail.PENDING, entry)))
                    .getMatchedCount() == 0) {
                return Write.LOST_RACE;
            }
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Write.LOST_RACE;
            }
            throw e;
        }
        relay.wake(change.after().id());
        audit.settle(collection, change.after().id());
        return Write.STORED;
    }

    /** The audit entry of {@code change}: every top-level field of the stored model that differs, old and new. */
    private AuditEntry auditEntry(Change change, Envelope<?> event, Instant at, String action) {
        Map<String, Object> before = change.creates() ? Map.of() : ModelDocuments.toDocument(change.before().state());
        Map<String, Object> after = ModelDocuments.toDocument(change.after().state());
        return AuditEntry.of(at, audit.service(), action, change.after().id(), null, FieldChange.between(before, after),
                event.causedBy());
    }

    /**
     * Stores many changes in one unordered bulk write, each guarded like {@link #store}.
     *
     * @return the ids of the changes that lost a race and were not stored
     */
    Set<String> storeAll(List<Announced> writes, Instant at) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<Document>> operations = new ArrayList<>();
        for (Announced write : writes) {
            operations.add(write.change().creates() ? new InsertOneModel<>(insertion(write.change(), write.event(), at))
                    : new UpdateOneModel<>(guard(write.change()), update(write.change(), write.event(), at)));
        }
        Set<String> lost = new LinkedHashSet<>();
        BulkWriteResult result;
        try {
            result = collection.bulkWrite(operations, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                lost.add(writes.get(error.getIndex()).change().after().id());
            }
            result = e.getWriteResult();
        }
        long updates = writes.stream().filter(w -> !w.change().creates()).count();
        if (result.getMatchedCount() < updates) {
            lost.addAll(updatesNotApplied(writes));
        }
        for (Announced write : writes) {
            String id = write.change().after().id();
            if (!lost.contains(id)) {
                relay.wake(id);
            }
        }
        return lost;
    }

    /** The guarded updates whose result is not what is stored now (another writer moved the revision first). */
    private Set<String> updatesNotApplied(List<Announced> writes) {
        List<Change> updates = writes.stream().map(Announced::change).filter(change -> !change.creates()).toList();
        Map<String, LlmModel> stored = findAll(updates.stream().map(change -> change.after().id()).toList());
        Set<String> notApplied = new HashSet<>();
        for (Change change : updates) {
            if (!change.after().equals(stored.get(change.after().id()))) {
                notApplied.add(change.after().id());
            }
        }
        return notApplied;
    }

    private static Document insertion(Change change, Envelope<?> event, Instant at) {
        LlmModel model = change.after();
        return new Document("_id", model.id()).append("revision", model.revision())
                .append("model", ModelDocuments.toDocument(model.state())).append("updatedAt", Date.from(at))
                .append(PendingEvent.FIELD, List.of(PendingEvent.of(event, at).toDocument()));
    }

    private static Bson guard(Change change) {
        return Filters.and(Filters.eq("_id", change.before().id()), Filters.eq("revision", change.before().revision()));
    }

    private static Bson update(Change change, Envelope<?> event, Instant at) {
        return Updates.combine(Updates.set("model", ModelDocuments.toDocument(change.after().state())),
                Updates.set("updatedAt", Date.from(at)),
                Updates.inc("revision", change.after().revision() - change.before().revision()),
                Updates.push(PendingEvent.FIELD, PendingEvent.of(event, at).toDocument()));
    }

    private static Bson query(ModelFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.vendor() != null) {
            conditions.add(Filters.regex("model.vendor", Pattern.compile("^" + literal(filter.vendor()) + "$",
                    Pattern.CASE_INSENSITIVE)));
        }
        if (filter.family() != null) {
            conditions.add(Filters.regex("model.family", Pattern.compile("^" + literal(filter.family()) + "$",
                    Pattern.CASE_INSENSITIVE)));
        }
        if (filter.capability() != null) {
            conditions.add(Filters.eq("model.capabilities." + filter.capability(), true));
        }
        if (filter.status() != null) {
            conditions.add(Filters.eq("model.status", ModelRules.statusName(filter.status())));
        }
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }

    /** {@code text} as a regular expression that matches exactly it (in Java and in MongoDB's PCRE alike). */
    private static String literal(String text) {
        StringBuilder regex = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c) && c != ' ') {
                regex.append('\\');
            }
            regex.appendCodePoint(c);
        });
        return regex.toString();
    }

    private static Bson withoutOutbox() {
        return new Document(PendingEvent.FIELD, 0);
    }

    private static LlmModel model(Document document) {
        return new LlmModel(document.getString("_id"), ((Number) document.get("revision")).longValue(),
                ModelDocuments.fromDocument(document.get("model", Document.class)));
    }
}
