package org.llmreference.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed {@code contracts/schemas/<topic>.schema.json} files are what the records generate,
 * and every golden event validates against its topic's schema. Run with
 * {@code -Dcontracts.writeSchemas=true} to rewrite the files after a deliberate change.
 */
class TopicSchemasTest {

    static final Path SCHEMAS = Path.of("schemas");

    static Stream<String> topics() {
        return Topics.EVENT_TOPICS.stream().map(TopicSpec::name);
    }

    static Stream<Envelope<?>> events() {
        return EventFixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void committedSchemaIsGeneratedFromTheRecords(String topic) throws IOException {
        ObjectNode generated = TopicSchemas.generate(topic);
        Path file = SCHEMAS.resolve(topic + ".schema.json");
        if (Boolean.getBoolean("contracts.writeSchemas")) {
            Files.createDirectories(SCHEMAS);
            Files.writeString(file, EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n");
        }

        assertThat(EventCodec.mapper().readTree(Files.readString(file)))
                .as("%s is out of date: rerun with -Dcontracts.writeSchemas=true", file)
                .isEqualTo(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyGoldenEventValidatesAgainstItsTopicSchema(Envelope<?> event) throws IOException {
        JsonNode golden = EventCodec.mapper().readTree(Files.readString(EventCodecTest.GOLDEN.resolve(event.type() + ".json")));

        assertThat(schemaOf(event.topic()).validate(golden)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void schemaRejectsAnEventWithoutItsRequiredFields(Envelope<?> event) throws IOException {
        ObjectNode broken = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(event));
        broken.remove("revision");
        ((ObjectNode) broken.get("payload")).removeAll();

        List<Error> errors = schemaOf(event.topic()).validate(broken);

        assertThat(errors).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void schemaRejectsAnEventTypeOfAnotherTopic(Envelope<?> event) throws IOException {
        ObjectNode wrongType = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(event));
        wrongType.put("type", "elsewhere.SomethingHappened.v1");

        assertThat(schemaOf(event.topic()).validate(wrongType)).isNotEmpty();
    }

    private static Schema schemaOf(String topic) throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMAS.resolve(topic + ".schema.json")));
    }
}
