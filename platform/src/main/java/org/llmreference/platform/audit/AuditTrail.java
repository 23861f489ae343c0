package org.llmreference.platform.audit;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * A service's audit trail: every accepted change, one document each in {@value #COLLECTION}.
 *
 * <p>An entry is written in the same single-document write as its change: the writer pushes
 * {@link #pending(AuditEntry)} onto the aggregate's {@value #PENDING} array along with the change
 * and its pending event, then calls {@link #settle} to move it into the trail (an insert by the
 * entry's own id, so moving it twice keeps one). Entries left behind by a crash between the two are
 * moved by {@link #settleAll} when the service starts, so an accepted change always has its entry.
 * A change that is not one document's write (a bundle import) is {@link #record}ed directly.
 */
public final class AuditTrail {

    public static final String COLLECTION = "audit";
    /** The array of an aggregate document where entries wait to move into the trail. */
    public static final String PENDING = "auditPending";

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final MongoCollection<Document> entries;
    private final String service;
    private final List<MongoCollection<Document>> watched = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean behind = true;

    /** @param service the name of the service whose changes this trail keeps ({@code catalog-service}) */
    public AuditTrail(MongoDatabase database, String service) {
        this.entries = database.getCollection(COLLECTION);
        this.service = service;
    }

    public String service() {
        return service;
    }

    /** The indexes of the trail's queries: newest first, by editor, model, provider, and by causedBy. */
    public void createIndexes() {
        entries.createIndex(Indexes.descending("at", "_id"));
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("author"), Indexes.descending("at")));
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("modelId"), Indexes.descending("at")));
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("providerId"), Indexes.descending("at")));
        entries.createIndex(Indexes.ascending("causedBy"), new IndexOptions().sparse(true));
    }

    /**
     * Names a collection whose documents carry {@value #PENDING} entries: what waits there is moved
     * at start ({@link #catchUp}) and before a read whenever a {@link #settle} failed.
     */
    public void watch(MongoCollection<Document> aggregates) {
        watched.add(aggregates);
        behind = true;
    }

    /** Moves whatever waits in the watched collections (at start, and before a read after a failed settle). */
    public void catchUp() {
        boolean complete = true;
        for (MongoCollection<Document> collection : watched) {
            try {
                int moved = settleAll(collection);
                if (moved > 0) {
                    log.info("moved the audit entries left waiting in {} documents of {}", moved,
                            collection.getNamespace().getCollectionName());
                }
            } catch (MongoException e) {
                complete = false;
                log.warn("could not move the audit entries waiting in {} yet: {}",
                        collection.getNamespace().getCollectionName(), e.getMessage());
            }
        }
        behind = !complete;
    }

    /** The sub-document to {@code $push} onto {@value #PENDING} in the write of the change {@code entry} records. */
    public static Document pending(AuditEntry entry) {
        return entry.toDocument();
    }

    /**
     * Moves the entries waiting in the aggregate document {@code id} of {@code aggregates} into the
     * trail. The change is stored already, so a failure here does not fail it: it is logged, and the
     * entries wait in the document until the next read of the trail or the next start moves them.
     */
    public void settle(MongoCollection<Document> aggregates, Object id) {
        try {
            Document document = aggregates.find(Filters.eq("_id", id)).projection(new Document(PENDING, 1)).first();
            if (document != null) {
                move(aggregates, document);
            }
        } catch (MongoException e) {
            behind = true;
            log.warn("the audit entry of the change of {} waits in its document until the trail catches up: {}", id,
                    e.getMessage());
        }
    }

    /**
     * Moves every entry still waiting in {@code aggregates} into the trail (after a crash between a
     * change and its {@link #settle}).
     *
     * @return how many aggregates had entries waiting
     */
    public int settleAll(MongoCollection<Document> aggregates) {
        int moved = 0;
        for (Document document : aggregates.find(Filters.exists(PENDING + ".0")).projection(new Document(PENDING, 1))) {
            move(aggregates, document);
            moved++;
        }
        return moved;
    }

    /** Stores an entry of a change that was not one document's write. */
    public void record(AuditEntry entry) {
        insert(List.of(entry.toDocument()));
    }

    /** The entries {@code query} asks for, newest first. */
    public List<AuditEntry> find(AuditQuery query) {
        if (behind) {
            catchUp();
        }
        List<Bson> conditions = new ArrayList<>();
        if (query.editor() != null) {
            conditions.add(Filters.eq("author", query.editor()));
        }
        if (query.model() != null) {
            conditions.add(Filters.eq("modelId", query.model()));
        }
        if (query.provider() != null) {
            conditions.add(Filters.eq("providerId", query.provider()));
        }
        if (query.from() != null) {
            conditions.add(Filters.gte("at", java.util.Date.from(query.fromInstant())));
        }
        if (query.to() != null) {
            conditions.add(Filters.lt("at", java.util.Date.from(query.untilInstant())));
        }
        List<AuditEntry> found = new ArrayList<>();
        for (Document document : entries.find(conditions.isEmpty() ? new Document() : Filters.and(conditions))
                .sort(Sorts.descending("at", "_id")).limit(query.limit())) {
            found.add(AuditEntry.fromDocument(document));
        }
        return found;
    }

    private void move(MongoCollection<Document> aggregates, Document document) {
        List<Document> waiting = document.getList(PENDING, Document.class, List.of());
        if (waiting.isEmpty()) {
            return;
        }
        insert(waiting);
        aggregates.updateOne(Filters.eq("_id", document.get("_id")),
                Updates.pull(PENDING, Filters.in("_id", waiting.stream().map(entry -> entry.get("_id")).toList())));
    }

    /** Inserts entries, keeping the one already there when an entry was stored before. */
    private void insert(List<Document> documents) {
        try {
            entries.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }
}
