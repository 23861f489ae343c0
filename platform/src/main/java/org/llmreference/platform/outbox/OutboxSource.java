package org.llmreference.platform.outbox;

import java.util.Objects;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

/** A collection whose documents carry pending events (each names its own topic). */
public record OutboxSource(MongoCollection<Document> collection) {

    public OutboxSource {
        Objects.requireNonNull(collection, "collection");
    }
}
