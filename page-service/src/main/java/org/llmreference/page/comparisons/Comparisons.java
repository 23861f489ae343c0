package org.llmreference.page.comparisons;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.comparison.ComparisonEvent;
import org.llmreference.platform.projection.RevisionGuard;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/** page-service's copy of every pair's latest comparison; older or repeated events are skipped by revision. */
@Component
public class Comparisons {

    private final MongoCollection<StoredComparison> collection;

    Comparisons(MongoDatabase database) {
        this.collection = database.getCollection("comparisons", StoredComparison.class);
    }

    public Outcome apply(Envelope<ComparisonEvent> event) {
        StoredComparison stored = event.payload().match(
                changed -> new StoredComparison(event.aggregateId(), event.revision(), false, changed.comparison(),
                        event.causedBy(), event.occurredAt()),
                withdrawn -> new StoredComparison(event.aggregateId(), event.revision(), true, null, event.causedBy(),
                        event.occurredAt()));
        return RevisionGuard.replaceIfNewer(collection, event.aggregateId(),
                event.revision(), stored);
    }

    public Optional<StoredComparison> find(String pairId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", pairId)).first());
    }

    /** The revision of every pair's latest comparison, without the comparison itself (for the consistency audit). */
    public List<ComparisonRevision> revisions() {
        List<ComparisonRevision> revisions = new ArrayList<>();
        for (Document document : collection.withDocumentClass(Document.class).find()
                .projection(Projections.include("revision", "withdrawn", "occurredAt"))) {
            Date occurredAt = document.getDate("occurredAt");
            revisions.add(new ComparisonRevision(document.getString("_id"),
                    document.get("revision", Number.class).longValue(), document.getBoolean("withdrawn", false),
                    occurredAt == null ? null : occurredAt.toInstant()));
        }
        return revisions;
    }
}
