package org.llmreference.contracts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format of every event: UTF-8 JSON, camelCase, absent means unknown, decimals written
 * plainly and read exactly (never through binary floating point), dates as ISO-8601 strings. Unknown fields are ignored (consumers of a version only ever
 * see fields added to it).
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private EventCodec() {
    }

    /** The mapper behind the wire format, for anything that must write the same JSON (golden files, schemas). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(Envelope<?> envelope) {
        return MAPPER.writeValueAsBytes(envelope);
    }

    public static String encodeToString(Envelope<?> envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    /**
     * Reads one event. The {@code type} and {@code schemaVersion} fields decide the payload record.
     *
     * @throws UnreadableEvent when the bytes are not an event of a known type and version
     */
    public static Envelope<EventPayload> decode(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new UnreadableEvent("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableEvent("an event must be a JSON object");
        }
        String typeName = text(root, "type");
        EventType type = EventType.byWireName(typeName)
                .orElseThrow(() -> new UnreadableEvent("unknown event type '" + typeName + "'"));
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || version.asInt() != type.schemaVersion()) {
            throw new UnreadableEvent("unsupported schemaVersion " + version + " for " + typeName
                    + " (this build reads version " + type.schemaVersion() + ")");
        }
        try {
            JsonNode payloadNode = root.get("payload");
            if (payloadNode == null || !payloadNode.isObject()) {
                throw new UnreadableEvent("field 'payload' must be an object");
            }
            EventPayload payload = MAPPER.treeToValue(payloadNode, type.payloadType());
            return new Envelope<>(
                    UUID.fromString(text(root, "eventId")),
                    typeName,
                    type.schemaVersion(),
                    text(root, "aggregateId"),
                    root.path("revision").asLong(0),
                    Instant.parse(text(root, "occurredAt")),
                    text(root, "causedBy"),
                    root.path("causeType").isString() ? root.get("causeType").asString() : null,
                    payload,
                    root.path("author").isString() ? root.get("author").asString() : null);
        } catch (JacksonException e) {
            throw new UnreadableEvent("payload of " + typeName + " is malformed: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof UnreadableEvent unreadable) {
                throw unreadable;
            }
            throw new UnreadableEvent(typeName + " breaks the contract: " + e.getMessage(), e);
        }
    }

    /** Reads one event and checks it belongs to the given family, e.g. {@code CatalogEvent.class}. */
    @SuppressWarnings("unchecked")
    public static <P extends EventPayload> Envelope<P> decode(byte[] json, Class<P> family) {
        Envelope<EventPayload> envelope = decode(json);
        if (!family.isInstance(envelope.payload())) {
            throw new UnreadableEvent(envelope.type() + " is not a " + family.getSimpleName());
        }
        return (Envelope<P>) envelope;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new UnreadableEvent("field '" + field + "' must be a non-empty string");
        }
        return node.asString();
    }
}
