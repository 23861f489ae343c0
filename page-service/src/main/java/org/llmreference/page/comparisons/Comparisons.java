package org.llmreference.page.comparisons;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ComparisonEvent;
import org.llmreference.platform.projection.RevisionGuard;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

/**
 * page-service's copy of every pair's latest comparison; older or repeated events are skipped by revision.
 * A document says whether its pair is {@code live}; documents stored by earlier versions said the
 * opposite as {@code withdrawn}, and are rewritten once, before this store first reads or writes.
 */
@Component
public class Comparisons {

    static final String COLLECTION = "comparisons";

    private final MongoCollection<StoredComparison> collection;
    private volatile boolean upgraded;

    Comparisons(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION, StoredComparison.class);
    }

    public Outcome apply(Envelope<ComparisonEvent> event) {
        upgradeEarlierDocuments();
        StoredComparison stored = event.payload().match(
                changed -> new StoredComparison(event.aggregateId(), event.revision(), true, changed.comparison(),
                        event.causedBy(), event.occurredAt()),
                // A withdrawn pair keeps its last comparison: its 410 page links a retired model's successor.
                withdrawn -> new StoredComparison(event.aggregateId(), event.revision(), false, lastComparison(event.aggregateId()),
                        event.causedBy(), event.occurredAt()));
        return RevisionGuard.replaceIfNewer(collection, event.aggregateId(),
                event.revision(), stored);
    }

    private Comparison lastComparison(String pairId) {
        return find(pairId).map(StoredComparison::comparison).orElse(null);
    }

    public Optional<StoredComparison> find(String pairId) {
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
            revisions.add(new ComparisonRevision(document.getString("_id"),
                    document.get("revision", Number.class).longValue(), document.getBoolean("live", true),
                    occurredAt == null ? null : occurredAt.toInstant()));
        }
        return revisions;
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
