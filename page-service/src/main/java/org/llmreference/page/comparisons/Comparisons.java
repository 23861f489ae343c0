package org.llmreference.page.comparisons;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.comparison.ComparisonEvent;
import org.llmreference.platform.projection.RevisionGuard;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * page-service's copy of every pair's latest comparison: taken into memory as its event arrives,
 * stored in batches behind the pages ({@code WriteBehind}); older or repeated events are skipped by revision.
 * A document says whether its pair is {@code live}; documents stored by earlier versions said the
 * opposite as {@code withdrawn}, and are rewritten once, before this store first reads or writes.
 */
@Component
public class Comparisons {

    static final String COLLECTION = "comparisons";

    private final MongoCollection<StoredComparison> collection;
    /** Comparisons taken in ({@link #accept}) and not stored yet, by pair. */
    private final Map<String, StoredComparison> unstored = new ConcurrentHashMap<>();
    private volatile boolean upgraded;

    Comparisons(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION, StoredComparison.class);
    }

    /**
     * Takes the pair's comparison after {@code event} into memory, where {@link #find} and
     * {@link #revisions} see it at once; it is stored later, with others, by {@link #storeAll}. A
     * withdrawn pair keeps its last comparison: its 410 page links a retired model's successor.
     * Answers what is held for the pair now: this comparison, or a newer one already held.
     */
    public StoredComparison accept(Envelope<ComparisonEvent> event) {
        StoredComparison after = event.payload().match(
                changed -> new StoredComparison(event.aggregateId(), event.revision(), true, changed.comparison(),
                        event.causedBy(), event.occurredAt()),
                withdrawn -> new StoredComparison(event.aggregateId(), event.revision(), false,
                        find(event.aggregateId()).map(StoredComparison::comparison).orElse(null), event.causedBy(),
                        event.occurredAt()));
        return unstored.merge(after.pairId(), after, Comparisons::newer);
    }

    /**
     * Stores each comparison unless the same or a newer revision of its pair is stored, in one bulk
     * write; what is skipped as older is no failure. Then they are no longer held apart in memory.
     *
     * @throws MongoException when MongoDB did not take them (they stay held, for the next attempt)
     */
    public void storeAll(Collection<StoredComparison> comparisons) {
        if (comparisons.isEmpty()) {
            return;
        }
        upgradeEarlierDocuments();
        List<ReplaceOneModel<StoredComparison>> writes = new ArrayList<>();
        for (StoredComparison comparison : comparisons) {
            writes.add(new ReplaceOneModel<>(RevisionGuard.olderThan(comparison.pairId(), comparison.revision()),
                    comparison, new ReplaceOptions().upsert(true)));
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // a comparison stored at the same or a newer revision is no failure
            RevisionGuard.staleInBulk(e);
        }
        for (StoredComparison comparison : comparisons) {
            unstored.computeIfPresent(comparison.pairId(),
                    (pairId, held) -> held.revision() <= comparison.revision() ? null : held);
        }
    }

    /** Comparisons taken in but not stored yet. */
    public int unstored() {
        return unstored.size();
    }

    /** The pair's latest comparison: the one taken in and not stored yet, else the stored one. */
    public Optional<StoredComparison> find(String pairId) {
        StoredComparison held = unstored.get(pairId);
        if (held != null) {
            return Optional.of(held);
        }
        upgradeEarlierDocuments();
        return Optional.ofNullable(collection.find(Filters.eq("_id", pairId)).first());
    }

    /** The revision of every pair's latest comparison, without the comparison itself (for the consistency audit). */
    public List<ComparisonRevision> revisions() {
        upgradeEarlierDocuments();
        List<ComparisonRevision> revisions = new ArrayList<>();
        for (Document document : collection.withDocumentClass(Document.class).find()
                .projection(Projections.include("revision", "live", "occurredAt"))) {
            Date occurredAt = document.getDate("occurredAt");
            String pairId = document.getString("_id");
            if (!unstored.containsKey(pairId)) {
                revisions.add(new ComparisonRevision(pairId, document.get("revision", Number.class).longValue(),
                        document.getBoolean("live", true), occurredAt == null ? null : occurredAt.toInstant()));
            }
        }
        unstored.values().forEach(held -> revisions.add(
                new ComparisonRevision(held.pairId(), held.revision(), held.live(), held.occurredAt())));
        return revisions;
    }

    private static StoredComparison newer(StoredComparison present, StoredComparison offered) {
        return offered.revision() > present.revision() ? offered : present;
    }

    /**
     * Rewrites documents of earlier versions, {@code withdrawn: true/false}, as {@code live: false/true}
     * (idempotent, so instances sharing the database may both run it). Runs again on the next use
     * if MongoDB is away.
     */
    private void upgradeEarlierDocuments() {
        if (upgraded) {
            return;
        }
        MongoCollection<Document> documents = collection.withDocumentClass(Document.class);
        documents.updateMany(Filters.eq("withdrawn", true),
                Updates.combine(Updates.set("live", false), Updates.unset("withdrawn")));
        documents.updateMany(Filters.exists("withdrawn"),
                Updates.combine(Updates.set("live", true), Updates.unset("withdrawn")));
        upgraded = true;
    }
}
