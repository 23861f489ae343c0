package org.llmreference.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.platform.security.Caller;

/**
 * An event waiting in its aggregate's document to be relayed to Kafka. It is written in the same
 * single-document update as the change it announces, so an accepted edit can never lose its event.
 *
 * @param eventId  the event's id
 * @param type     logical type name (the {@code event-type} header)
 * @param topic    the Kafka topic it goes to
 * @param key      the record key (the aggregate id)
 * @param causedBy the edit that started the chain (the {@code caused-by} header)
 * @param json     the event exactly as it goes on the wire
 * @param storedAt when it was stored, for the age of the oldest pending event
 */
public record PendingEvent(String eventId, String type, String topic, String key, String causedBy, String json,
        Instant storedAt) {

    /** The name of the array field that holds pending events in an aggregate document. */
    public static final String FIELD = "outbox";

    public PendingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
    }

    /**
     * The pending form of {@code envelope}. An event without an author gets the caller of the request
     * being handled on this thread (the editor whose change it announces), if one authenticated.
     */
    public static PendingEvent of(Envelope<?> envelope, Instant storedAt) {
        if (envelope.author() == null) {
            Optional<String> author = Caller.currentId();
            if (author.isPresent()) {
                envelope = envelope.withAuthor(author.get());
            }
        }
        return new PendingEvent(envelope.eventId().toString(), envelope.type(), envelope.topic(),
                envelope.aggregateId(), envelope.causedBy(), EventCodec.encodeToString(envelope), storedAt);
    }

    public byte[] payload() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The sub-document to {@code $push} onto {@link #FIELD} in the aggregate's update. */
    public Document toDocument() {
        return new Document("eventId", eventId).append("type", type).append("topic", topic).append("key", key)
                .append("causedBy", causedBy).append("json", json).append("storedAt", storedAt);
    }

    static PendingEvent fromDocument(Document document) {
        Object storedAt = document.get("storedAt");
        return new PendingEvent(document.getString("eventId"), document.getString("type"), document.getString("topic"),
                document.getString("key"), document.getString("causedBy"), document.getString("json"),
                storedAt instanceof java.util.Date date ? date.toInstant() : null);
    }
}
