package org.llmreference.comparison.comparisons;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.llmreference.contracts.PairId;
import org.llmreference.comparison.recompute.Plan;
import org.llmreference.comparison.recompute.Publication;
import org.llmreference.comparison.recompute.PublishedPair;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.platform.outbox.PendingEvent;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The published comparisons, one document per pair in {@value ComparisonsMessaging#COLLECTION}:
 * {@code {_id: pairId, a, b, revision, live, contentHash, sectionHashes, comparison (wire JSON),
 * withdrawnReason, updatedAt, causedBy, occurredAt}}, each written after its event was published
 * ({@link SlicePublisher}), guarded by revision. Documents stored by earlier versions may still carry
 * pending events in {@code outbox}, which the collection's relay publishes.
 */
@Component
public class Comparisons {

    private final MongoCollection<Document> collection;

    Comparisons(MongoDatabase database) {
        this.collection = database.getCollection(ComparisonsMessaging.COLLECTION);
    }

    /** What was last published per pair, without the comparisons themselves (for a start-up). */
    public List<PublishedPair> publishedState() {
        List<PublishedPair> state = new ArrayList<>();
        for (Document document : collection.find()
                .projection(Projections.include("revision", "live", "contentHash", "sectionHashes"))) {
            Document sections = document.get("sectionHashes", Document.class);
            Map<String, String> sectionHashes = new HashMap<>();
            if (sections != null) {
                sections.forEach((section, hash) -> sectionHashes.put(section, String.valueOf(hash)));
            }
            state.add(new PublishedPair(PairId.parse(document.getString("_id")), document.getLong("revision"),
                    document.getBoolean("live", false), document.getString("contentHash"), sectionHashes));
        }
        return state;
    }

    public Optional<StoredComparison> find(PairId pair) {
        Document document = collection.find(Filters.eq("_id", pair.toString()))
                .projection(Projections.exclude(PendingEvent.FIELD, "sectionHashes")).first();
        if (document == null) {
            return Optional.empty();
        }
        String json = document.getString("comparison");
        Comparison comparison = json == null ? null : EventCodec.mapper().readValue(json, Comparison.class);
        return Optional.of(new StoredComparison(pair, document.getLong("revision"), document.getBoolean("live", false),
                document.getString("contentHash"), comparison, document.getString("withdrawnReason"),
                instant(document.getDate("updatedAt")), document.getString("causedBy"),
                instant(document.getDate("occurredAt"))));
    }

    /**
     * Stores every publication of the plan (caused by {@code causes} of its pair, stored {@code at}) in one
     * unordered bulk write. The events were published before: nothing waits here to be published.
     *
     * @throws com.mongodb.MongoBulkWriteException when a pair's stored revision moved on meanwhile
     *         (a duplicate key on the guarded upsert); what was stored stays, and the caller rebuilds
     */
    public void store(Plan plan, Function<PairId, Cause> causes, Instant at) {
        if (plan.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Publication publication : plan.publications()) {
            writes.add(new UpdateOneModel<>(guard(publication), update(publication, causes.apply(publication.pair()), at),
                    new UpdateOptions().upsert(true)));
        }
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static Bson guard(Publication publication) {
        return Filters.and(Filters.eq("_id", publication.pair().toString()),
                Filters.lt("revision", publication.revision()));
    }

    private static Bson update(Publication publication, Cause cause, Instant at) {
        PairId pair = publication.pair();
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("a", pair.a()),
                Updates.set("b", pair.b()),
                Updates.set("revision", publication.revision()),
                Updates.set("updatedAt", Date.from(at)),
                Updates.set("causedBy", cause.causedBy()),
                Updates.set("occurredAt", Date.from(cause.occurredAt()))));
        if (publication instanceof Publication.Changed changed) {
            updates.add(Updates.set("live", true));
            updates.add(Updates.set("contentHash", changed.contentHash()));
            Document sections = new Document();
            sections.putAll(changed.sectionHashes());
            updates.add(Updates.set("sectionHashes", sections));
            updates.add(Updates.set("comparison", EventCodec.mapper().writeValueAsString(changed.comparison())));
            updates.add(Updates.unset("withdrawnReason"));
        } else if (publication instanceof Publication.Withdrawn withdrawn) {
            updates.add(Updates.set("live", false));
            updates.add(Updates.unset("contentHash"));
            updates.add(Updates.unset("sectionHashes"));
            updates.add(Updates.unset("comparison"));
            updates.add(Updates.set("withdrawnReason", withdrawn.reason()));
        }
        return Updates.combine(updates);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
