package org.llmreference.pricing.routes.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.pricing.routes.Provenance;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The sync's conflicts in MongoDB, one document per route in {@code syncConflicts}, {@code _id}
 * {@code modelId/providerId}. The upstream route is kept as the event JSON of its terms (exact decimals).
 */
@Component
public class SyncConflicts {

    static final String COLLECTION = "syncConflicts";

    private final MongoCollection<Document> collection;

    SyncConflicts(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    public Optional<SyncConflict> find(String modelId, String providerId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id(modelId, providerId))).first())
                .map(SyncConflicts::conflict);
    }

    /** The conflicts waiting for an editor, oldest first. */
    public List<SyncConflict> open() {
        List<SyncConflict> open = new ArrayList<>();
        collection.find(Filters.eq("state", SyncConflict.OPEN)).sort(Sorts.ascending("detectedAt"))
                .forEach(document -> open.add(conflict(document)));
        return open;
    }

    public long countOpen() {
        return collection.countDocuments(Filters.eq("state", SyncConflict.OPEN));
    }

    void save(SyncConflict conflict) {
        collection.replaceOne(Filters.eq("_id", id(conflict.modelId(), conflict.providerId())), document(conflict),
                new ReplaceOptions().upsert(true));
    }

    /** Marks the conflict as decided for our values; false when there is no open one. */
    boolean keepOurs(String modelId, String providerId) {
        return collection.updateOne(
                Filters.and(Filters.eq("_id", id(modelId, providerId)), Filters.eq("state", SyncConflict.OPEN)),
                Updates.set("state", SyncConflict.KEPT_OURS)).getModifiedCount() == 1;
    }

    void remove(String modelId, String providerId) {
        collection.deleteOne(Filters.eq("_id", id(modelId, providerId)));
    }

    private static String id(String modelId, String providerId) {
        return modelId + "/" + providerId;
    }

    private static Document document(SyncConflict conflict) {
        List<Document> fields = conflict.fields().stream()
                .map(f -> new Document("field", f.field()).append("ours", f.ours()).append("upstream", f.upstream()))
                .toList();
        Provenance p = conflict.provenance();
        Document provenance = p == null ? null : new Document("origin", p.origin()).append("commit", p.commit())
                .append("path", p.path()).append("url", p.url())
                .append("fetchedAt", p.fetchedAt() == null ? null : Date.from(p.fetchedAt()));
        return new Document("_id", id(conflict.modelId(), conflict.providerId())).append("modelId", conflict.modelId())
                .append("providerId", conflict.providerId()).append("state", conflict.state()).append("fields", fields)
                .append("upstream", EventCodec.mapper().writeValueAsString(conflict.upstream()))
                .append("provenance", provenance).append("detectedAt", Date.from(conflict.detectedAt()));
    }

    private static SyncConflict conflict(Document document) {
        List<SyncConflict.Field> fields = document.getList("fields", Document.class, List.of()).stream()
                .map(f -> new SyncConflict.Field(f.getString("field"), f.getString("ours"), f.getString("upstream")))
                .toList();
        Document p = document.get("provenance", Document.class);
        Provenance provenance = p == null ? null : new Provenance(p.getString("origin"), p.getString("commit"),
                p.getString("path"), p.getString("url"), instant(p.getDate("fetchedAt")));
        return new SyncConflict(document.getString("modelId"), document.getString("providerId"), fields,
                EventCodec.mapper().readValue(document.getString("upstream"), RouteTerms.class), provenance,
                instant(document.getDate("detectedAt")), document.getString("state"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
