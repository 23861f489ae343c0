package org.llmreference.page.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.llmreference.contracts.EventCodec;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The envelope fields the audit shows of a pending record, read without decoding the payload: a
 * comparison's payload is the whole page's facts, and the audit may look at a thousand of them.
 * A field that is absent or unreadable is {@code null}: the record is listed all the same (its
 * consumer will dead-letter it when it gets there).
 *
 * @param type       the logical type name, e.g. {@code catalog.ModelChanged.v1}
 * @param revision   the aggregate's revision after the change
 * @param occurredAt when the editor's change that started the chain was accepted
 */
record EnvelopeHead(String type, Long revision, Instant occurredAt) {

    static final EnvelopeHead UNREADABLE = new EnvelopeHead(null, null, null);

    static EnvelopeHead read(byte[] value) {
        if (value == null || value.length == 0) {
            return UNREADABLE;
        }
        String type = null;
        Long revision = null;
        Instant occurredAt = null;
        try (JsonParser parser = EventCodec.mapper().createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return UNREADABLE;
            }
            String name;
            while ((name = parser.nextName()) != null && (type == null || revision == null || occurredAt == null)) {
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "type" -> type = token == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "revision" -> revision = token == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
                    case "occurredAt" -> occurredAt = token == JsonToken.VALUE_STRING ? instant(parser.getString()) : null;
                    default -> parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            // Not JSON, or cut short: what was read before the fault still describes the record.
            return new EnvelopeHead(type, revision, occurredAt);
        }
        return new EnvelopeHead(type, revision, occurredAt);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
