package org.llmreference.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The relay's reads and writes of a collection whose documents carry pending events (each names its
 * own topic): an aggregate's pending events by {@code _id}, a page of aggregates that have some, and
 * the removal of those Kafka acknowledged.
 */
final class OutboxCollection {

    private static final Bson HAS_PENDING = Filters.exists(PendingEvent.FIELD + ".0");
    private static final Document ONLY_PENDING = new Document(PendingEvent.FIELD, 1);

    private final MongoCollection<Document> collection;

    OutboxCollection(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** The pending events of one aggregate; {@code null} when it has none. */
    PendingAggregate find(Object id) {
        Document aggregate = collection.find(Filters.and(Filters.eq("_id", id), HAS_PENDING)).projection(ONLY_PENDING)
                .first();
        return aggregate == null ? null : pending(aggregate);
    }

    /**
     * Up to {@code size} aggregates with pending events, by {@code _id}, starting after {@code after}
     * ({@code null}: from the first).
     */
    List<PendingAggregate> page(Object after, int size) {
        List<PendingAggregate> page = new ArrayList<>();
        for (Document aggregate : collection.find(after == null ? HAS_PENDING : Filters.and(HAS_PENDING, Filters.gt("_id", after)))
                .projection(ONLY_PENDING).sort(new Document("_id", 1)).limit(size)) {
            page.add(pending(aggregate));
        }
        return page;
    }

    /** Removes the events Kafka acknowledged (event ids by aggregate id) with one unordered bulk write. */
    void clear(Map<Object, List<String>> acknowledged) {
        List<WriteModel<Document>> clears = new ArrayList<>();
        for (Map.Entry<Object, List<String>> aggregate : acknowledged.entrySet()) {
            clears.add(new UpdateOneModel<>(Filters.eq("_id", aggregate.getKey()),
                    Updates.pull(PendingEvent.FIELD, Filters.in("eventId", aggregate.getValue()))));
        }
        if (!clears.isEmpty()) {
            collection.bulkWrite(clears, new BulkWriteOptions().ordered(false));
        }
    }

    private static PendingAggregate pending(Document aggregate) {
        List<PendingEvent> events = new ArrayList<>();
        for (Document document : aggregate.getList(PendingEvent.FIELD, Document.class, List.of())) {
            events.add(PendingEvent.fromDocument(document));
        }
        return new PendingAggregate(aggregate.get("_id"), events);
    }
}
