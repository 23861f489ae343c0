package org.llmreference.contracts;

/**
 * Kafka record headers every event carries, so a consumer can route or drop a record without
 * deserialising it. Values are raw UTF-8 bytes.
 */
public final class EventHeaders {

    /** The logical type name, e.g. {@code catalog.ModelChanged.v1}. */
    public static final String EVENT_TYPE = "event-type";
    /** The event's own id (a UUID), for de-duplication and tracing. */
    public static final String EVENT_ID = "event-id";
    /** The id of the editor's change that started the chain. */
    public static final String CAUSED_BY = "caused-by";

    private EventHeaders() {
    }
}
