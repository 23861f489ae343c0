package org.llmreference.pricing.providers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.bson.Document;
import org.llmreference.platform.audit.AuditEntry;
import org.llmreference.platform.audit.AuditTrail;
import org.llmreference.platform.audit.FieldChange;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The providers in MongoDB ({@value #COLLECTION}), one document per provider id. An editor's change
 * carries its audit trail entry in the same write (a bundle import is one entry of its own).
 */
@Component
public class Providers {

    static final String COLLECTION = "providers";

    /** What a put did. */
    public enum Outcome {
        CREATED, CHANGED, UNCHANGED, STALE
    }

    /** The outcome and the provider as stored (as found, for {@code STALE}). */
    public record Put(Outcome outcome, Provider provider) {
    }

    /** The audit trail's names for an editor's change to a provider. */
    public static final String AUDIT_CREATE = "provider-create";
    public static final String AUDIT_UPDATE = "provider-update";

    private final MongoCollection<Document> collection;
    private final AuditTrail audit;

    Providers(MongoDatabase database, AuditTrail audit) {
        this.collection = database.getCollection(COLLECTION);
        this.audit = audit;
        audit.watch(collection);
    }

    public Optional<Provider> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(Providers::provider);
    }

    /** Every provider, in id order. */
    public List<Provider> all() {
        List<Provider> all = new ArrayList<>();
        for (Document document : collection.find().sort(Sorts.ascending("_id"))) {
            all.add(provider(document));
        }
        return all;
    }

    /**
     * Creates the provider or changes its name and url; the same values again change nothing.
     *
     * @param expectedRevision the revision the editor last read, if they said
     */
    public Put put(String id, String name, String url, OptionalLong expectedRevision, Instant now) {
        return put(id, name, url, expectedRevision, now, null);
    }

    /**
     * {@link #put(String, String, String, OptionalLong, Instant)}, with the audit entry of a change in
     * the same write, naming {@code causedBy}, the events it causes.
     */
    public Put put(String id, String name, String url, OptionalLong expectedRevision, Instant now, String causedBy) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Provider> current = find(id);
            long revision = current.map(Provider::revision).orElse(0L);
            if (expectedRevision.isPresent() && expectedRevision.getAsLong() != revision) {
                return new Put(Outcome.STALE, current.orElse(null));
            }
            if (current.isPresent() && current.get().says(name, url)) {
                return new Put(Outcome.UNCHANGED, current.get());
            }
            Provider next = new Provider(id, name, url, revision + 1);
            try {
                Document entry = AuditTrail.pending(auditEntry(current.orElse(null), next, now, causedBy));
                if (current.isEmpty()) {
                    collection.insertOne(document(id, name, url, next.revision(), now)
                            .append(AuditTrail.PENDING, List.of(entry)));
                    audit.settle(collection, id);
                    return new Put(Outcome.CREATED, next);
                }
                if (collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("revision", revision)),
                        Updates.combine(Updates.set("name", name), Updates.set("url", url),
                                Updates.set("revision", next.revision()), Updates.set("updatedAt", Date.from(now)),
                                Updates.push(AuditTrail.PENDING, entry)))
                        .getMatchedCount() == 1) {
                    audit.settle(collection, id);
                    return new Put(Outcome.CHANGED, next);
                }
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            // Someone else changed it between our read and our write: read again.
        }
        return new Put(Outcome.STALE, find(id).orElse(null));
    }

    /**
     * Puts many providers, each like {@link #put} without an expected revision: one read, and the
     * new ones inserted with one bulk write. A provider that another writer created meanwhile, and
     * a changed one, go through {@link #put} on their own.
     *
     * @param wanted one entry per provider id (its {@code revision} is ignored)
     * @return the outcome of each, in order
     */
    public List<Put> putAll(List<Provider> wanted, Instant now) {
        Map<String, Provider> current = new HashMap<>();
        for (Document document : collection.find(Filters.in("_id", wanted.stream().map(Provider::id).toList()))) {
            Provider provider = provider(document);
            current.put(provider.id(), provider);
        }
        Put[] puts = new Put[wanted.size()];
        List<Integer> inserted = new ArrayList<>();
        List<InsertOneModel<Document>> inserts = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Provider want = wanted.get(i);
            Provider found = current.get(want.id());
            if (found == null) {
                inserted.add(i);
                inserts.add(new InsertOneModel<>(document(want.id(), want.name(), want.url(), 1, now)));
                puts[i] = new Put(Outcome.CREATED, new Provider(want.id(), want.name(), want.url(), 1));
            } else if (found.says(want.name(), want.url())) {
                puts[i] = new Put(Outcome.UNCHANGED, found);
            } else {
                puts[i] = put(want.id(), want.name(), want.url(), OptionalLong.empty(), now);
            }
        }
        if (!inserts.isEmpty()) {
            try {
                collection.bulkWrite(inserts, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    int i = inserted.get(error.getIndex());
                    Provider want = wanted.get(i);
                    puts[i] = put(want.id(), want.name(), want.url(), OptionalLong.empty(), now);
                }
            }
        }
        return List.of(puts);
    }

    private static Document document(String id, String name, String url, long revision, Instant now) {
        return new Document("_id", id).append("name", name).append("url", url).append("revision", revision)
                .append("updatedAt", Date.from(now));
    }

    private static Provider provider(Document document) {
        Number revision = document.get("revision", Number.class);
        return new Provider(document.getString("_id"), document.getString("name"), document.getString("url"),
                revision == null ? 1 : revision.longValue());
    }

    /** The audit entry of a provider's change: its name and url, old and new. */
    private AuditEntry auditEntry(Provider before, Provider after, Instant at, String causedBy) {
        Map<String, Object> old = new LinkedHashMap<>();
        if (before != null) {
            old.put("name", before.name());
            old.put("url", before.url());
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("name", after.name());
        changed.put("url", after.url());
        return AuditEntry.of(at, audit.service(), before == null ? AUDIT_CREATE : AUDIT_UPDATE, null, after.id(),
                FieldChange.between(old, changed), causedBy);
    }
}
