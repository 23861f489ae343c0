package org.llmreference.contracts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One event on the wire.
 *
 * @param eventId       unique per event
 * @param type          logical type name, e.g. {@code catalog.ModelChanged.v1}
 * @param schemaVersion version of the payload schema within the type
 * @param aggregateId   the aggregate the event is about; also the Kafka record key
 * @param revision      the aggregate's revision after the change, strictly increasing per aggregate
 * @param occurredAt    when the editor's change that started the chain was accepted (millisecond precision)
 * @param causedBy      the event id (or correlation id) of the edit that started the chain, carried through every hop
 * @param payload       the aggregate's full state after the change, and what changed
 */
public record Envelope<P extends EventPayload>(
        UUID eventId,
        String type,
        int schemaVersion,
        String aggregateId,
        long revision,
        Instant occurredAt,
        String causedBy,
        P payload) {

    public Envelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        requireText(aggregateId, "aggregateId");
        requireText(causedBy, "causedBy");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, was " + revision);
        }
        EventType expected = EventType.of(payload);
        if (!expected.wireName().equals(type) || expected.schemaVersion() != schemaVersion) {
            throw new IllegalArgumentException("type " + type + " v" + schemaVersion + " does not match payload "
                    + payload.getClass().getSimpleName() + " (" + expected.wireName() + " v" + expected.schemaVersion() + ")");
        }
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new event with a fresh id, its type taken from the payload. */
    public static <P extends EventPayload> Envelope<P> of(P payload, String aggregateId, long revision,
            Instant occurredAt, String causedBy) {
        EventType type = EventType.of(payload);
        return new Envelope<>(UUID.randomUUID(), type.wireName(), type.schemaVersion(), aggregateId, revision,
                occurredAt, causedBy, payload);
    }

    /** The first event of a chain: it is its own cause. */
    public static <P extends EventPayload> Envelope<P> startingChain(P payload, String aggregateId, long revision,
            Instant occurredAt) {
        UUID eventId = UUID.randomUUID();
        EventType type = EventType.of(payload);
        return new Envelope<>(eventId, type.wireName(), type.schemaVersion(), aggregateId, revision, occurredAt,
                eventId.toString(), payload);
    }

    public EventType eventType() {
        return EventType.of(payload);
    }

    public String topic() {
        return eventType().topic();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
