package org.llmreference.contracts;

import java.util.Arrays;
import java.util.List;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the JSON Schema (draft 2020-12) of a topic from the event records: the envelope, with
 * {@code payload} tied to {@code type} by one branch per event type of the topic.
 */
final class TopicSchemas {

    private TopicSchemas() {
    }

    static ObjectNode generate(String topic) {
        List<EventType> types = Arrays.stream(EventType.values()).filter(type -> type.topic().equals(topic)).toList();
        SchemaGenerator generator = new SchemaGenerator(new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonSchemaModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.DEFINITIONS_FOR_ALL_OBJECTS)
                .without(Option.SCHEMA_VERSION_INDICATOR)
                .build());
        SchemaBuilder builder = generator.buildMultipleSchemaDefinitions();

        ObjectNode schema = EventCodec.mapper().createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://llmreference.org/schemas/" + topic + ".schema.json");
        schema.put("title", topic);
        schema.put("description", "Events on the Kafka topic " + topic + ": UTF-8 JSON in the record value, the "
                + "aggregate id as the record key, headers event-type, event-id and caused-by. Fields may be added "
                + "within a version; readers ignore fields they do not know.");
        ArrayNode oneOf = schema.putArray("oneOf");
        for (EventType type : types) {
            oneOf.add(envelope(type, builder.createSchemaReference(type.payloadType())));
        }
        schema.set("$defs", builder.collectDefinitions("$defs"));
        return schema;
    }

    private static ObjectNode envelope(EventType type, ObjectNode payloadReference) {
        ObjectNode envelope = EventCodec.mapper().createObjectNode();
        envelope.put("title", type.wireName());
        envelope.put("type", "object");
        ObjectNode properties = envelope.putObject("properties");
        properties.putObject("eventId").put("type", "string").put("format", "uuid");
        properties.putObject("type").put("const", type.wireName());
        properties.putObject("schemaVersion").put("const", type.schemaVersion());
        properties.putObject("aggregateId").put("type", "string").put("minLength", 1)
                .put("description", "the aggregate the event is about; also the record key");
        properties.putObject("revision").put("type", "integer").put("minimum", 1)
                .put("description", "the aggregate's revision after the change, strictly increasing per aggregate");
        properties.putObject("occurredAt").put("type", "string").put("format", "date-time")
                .put("description", "when the editor's change that started the chain was accepted");
        properties.putObject("causedBy").put("type", "string").put("minLength", 1)
                .put("description", "id of the edit that started the chain, carried through every hop");
        properties.putObject("causeType").put("type", "string").put("minLength", 1)
                .put("description", "optional: type of the event that started the chain, when not this one");
        properties.set("payload", payloadReference);
        properties.putObject("author").put("type", "string").put("minLength", 1)
                .put("description", "optional: account id of whoever made the change");
        ArrayNode required = envelope.putArray("required");
        properties.propertyNames().stream().filter(name -> !name.equals("causeType") && !name.equals("author"))
                .forEach(required::add);
        return envelope;
    }
}
