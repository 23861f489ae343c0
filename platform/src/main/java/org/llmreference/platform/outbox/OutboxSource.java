package org.llmreference.platform.outbox;

import java.util.Objects;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

/**
 * A collection whose documents carry pending events, and the Spring Cloud Stream output binding
 * those events leave through.
 */
public record OutboxSource(MongoCollection<Document> collection, String binding) {

    public OutboxSource {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(binding, "binding");
    }
}
