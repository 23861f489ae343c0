package org.llmreference.pricing.providers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/** The providers in MongoDB ({@value #COLLECTION}), one document per provider id. */
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

    private final MongoCollection<Document> collection;

    Providers(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
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
                if (current.isEmpty()) {
                    collection.insertOne(new Document("_id", id).append("name", name).append("url", url)
                            .append("revision", next.revision()).append("updatedAt", Date.from(now)));
                    return new Put(Outcome.CREATED, next);
                }
                if (collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("revision", revision)),
                        Updates.combine(Updates.set("name", name), Updates.set("url", url),
                                Updates.set("revision", next.revision()), Updates.set("updatedAt", Date.from(now))))
                        .getMatchedCount() == 1) {
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

    private static Provider provider(Document document) {
        Number revision = document.get("revision", Number.class);
        return new Provider(document.getString("_id"), document.getString("name"), document.getString("url"),
                revision == null ? 1 : revision.longValue());
    }
}
