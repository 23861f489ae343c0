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
 * @param causeType     the type of the event that started the chain, when that is not this event (a comparison
 *                      event names the catalog or pricing change behind it); absent on the first event of a
 *                      chain. Optional, added within version 1: readers that do not know it ignore it
 * @param payload       the aggregate's full state after the change, and what changed
 * @param author        the account id of whoever made the change the event announces (an editor, or
 *                      {@code automation} for the shared editor token); absent when no person or token
 *                      made it (e.g. an event computed from another). Optional, added within version 1
 */
public record Envelope<P extends EventPayload>(
        UUID eventId,
        String type,
        int schemaVersion,
        String aggregateId,
        long revision,
        Instant occurredAt,
        String causedBy,
        String causeType,
        P payload,
        String author) {

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
        if (causeType != null && causeType.isBlank()) {
            causeType = null;
        }
        if (author != null && author.isBlank()) {
            author = null;
        }
    }

    /** An event without {@code author}. */
    public Envelope(UUID eventId, String type, int schemaVersion, String aggregateId, long revision, Instant occurredAt,
            String causedBy, String causeType, P payload) {
        this(eventId, type, schemaVersion, aggregateId, revision, occurredAt, causedBy, causeType, payload, null);
    }

    /** This event with {@code author} as its author. */
    public Envelope<P> withAuthor(String author) {
        return new Envelope<>(eventId, type, schemaVersion, aggregateId, revision, occurredAt, causedBy, causeType,
                payload, author);
    }

    /** An event without {@code causeType}: the first of its chain, or one whose chain start is not known. */
    public Envelope(UUID eventId, String type, int schemaVersion, String aggregateId, long revision, Instant occurredAt,
            String causedBy, P payload) {
        this(eventId, type, schemaVersion, aggregateId, revision, occurredAt, causedBy, null, payload);
    }

    /** A new event with a fresh id, its type taken from the payload. */
    public static <P extends EventPayload> Envelope<P> of(P payload, String aggregateId, long revision,
            Instant occurredAt, String causedBy) {
        return of(payload, aggregateId, revision, occurredAt, causedBy, null);
    }

    /** A new event further down a chain that a {@code causeType} event started. */
    public static <P extends EventPayload> Envelope<P> of(P payload, String aggregateId, long revision,
            Instant occurredAt, String causedBy, String causeType) {
        EventType type = EventType.of(payload);
        return new Envelope<>(UUID.randomUUID(), type.wireName(), type.schemaVersion(), aggregateId, revision,
                occurredAt, causedBy, causeType, payload);
    }

    /** The type of the event that started this event's chain: {@code causeType}, or this event's own type. */
    public String chainStartType() {
        return causeType != null ? causeType : type;
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
