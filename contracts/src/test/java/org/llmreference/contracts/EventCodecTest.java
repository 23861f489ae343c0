package org.llmreference.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.pricing.PricingEvent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pins the wire format: every event type round-trips, and matches its golden file
 * {@code src/test/resources/contracts/<type>.json}. Run with {@code -Dcontracts.writeGolden=true}
 * to rewrite the golden files after a deliberate, compatible change.
 */
class EventCodecTest {

    static final Path GOLDEN = Path.of("src/test/resources/contracts");

    static Stream<Envelope<?>> events() {
        return EventFixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void roundTripsEveryEventType(Envelope<?> event) {
        Envelope<EventPayload> decoded = EventCodec.decode(EventCodec.encode(event));

        assertThat(decoded).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void writesExactlyTheGoldenJson(Envelope<?> event) throws IOException {
        Path golden = GOLDEN.resolve(event.type() + ".json");
        if (Boolean.getBoolean("contracts.writeGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, EventCodec.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(EventCodec.mapper().readTree(EventCodec.encode(event))) + "\n");
        }
        JsonNode expected = EventCodec.mapper().readTree(Files.readString(golden));

        assertThat(EventCodec.mapper().readTree(EventCodec.encode(event))).isEqualTo(expected);
        assertThat(EventCodec.decode(Files.readAllBytes(golden))).isEqualTo(event);
    }

    @Test
    void writesDecimalsPlainAndDatesAsIsoStrings() {
        String json = EventCodec.encodeToString(EventFixtures.routeChanged());

        assertThat(json).contains("\"outputPricePerMTok\":0.14").contains("\"occurredAt\":\"2026-05-22T09:30:00.125Z\"")
                .contains("\"verifiedAt\":\"2026-05-22\"").doesNotContain("E-").doesNotContain("null");
    }

    @Test
    void leavesUnknownValuesOut() {
        String json = EventCodec.encodeToString(EventFixtures.routeWithdrawn());

        assertThat(json).doesNotContain("batchInputPricePerMTok").doesNotContain("null");
    }

    @Test
    void ignoresFieldsAddedByANewerProducer() {
        ObjectNode node = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(EventFixtures.modelChanged()));
        node.put("addedLater", "x");
        ((ObjectNode) node.get("payload").get("model")).put("addedLater", 42);

        Envelope<EventPayload> decoded = EventCodec.decode(bytes(node));

        assertThat(decoded).isEqualTo(EventFixtures.modelChanged());
    }

    @Test
    void decodesIntoTheTopicFamilyForExhaustiveHandling() {
        Envelope<CatalogEvent> event = EventCodec.decode(EventCodec.encode(EventFixtures.modelRetired()), CatalogEvent.class);

        String what = event.payload().match(
                changed -> "changed " + changed.model().id(),
                retired -> "retired " + retired.model().id());
        assertThat(what).isEqualTo("retired gpt-oss-20b");
    }

    @Test
    void rejectsAnEventOfAnotherTopicFamily() {
        byte[] catalogEvent = EventCodec.encode(EventFixtures.modelChanged());

        assertThatThrownBy(() -> EventCodec.decode(catalogEvent, PricingEvent.class))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("is not a PricingEvent");
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> EventCodec.decode("{\"type\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEvent.class).hasMessageStartingWith("not JSON");
    }

    @Test
    void rejectsAnUnknownEventType() {
        ObjectNode node = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(EventFixtures.modelChanged()));
        node.put("type", "catalog.ModelExploded.v1");

        assertThatThrownBy(() -> EventCodec.decode(bytes(node)))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("unknown event type 'catalog.ModelExploded.v1'");
    }

    @Test
    void rejectsAnUnknownSchemaVersion() {
        ObjectNode node = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(EventFixtures.modelChanged()));
        node.put("schemaVersion", 2);

        assertThatThrownBy(() -> EventCodec.decode(bytes(node)))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("unsupported schemaVersion 2");
    }

    @Test
    void rejectsAPayloadMissingARequiredField() {
        ObjectNode node = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(EventFixtures.modelChanged()));
        ((ObjectNode) node.get("payload").get("model")).remove("name");

        assertThatThrownBy(() -> EventCodec.decode(bytes(node)))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("catalog.ModelChanged.v1");
    }

    @Test
    void rejectsARevisionBelowOne() {
        ObjectNode node = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(EventFixtures.modelChanged()));
        node.put("revision", 0);

        assertThatThrownBy(() -> EventCodec.decode(bytes(node)))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("revision must be at least 1");
    }

    @Test
    void startsAChainWithItsOwnIdAsCause() {
        Envelope<ModelChanged> first = Envelope.startingChain(EventFixtures.modelChanged().payload(), "gpt-oss-20b", 1,
                EventFixtures.OCCURRED_AT);

        assertThat(first.causedBy()).isEqualTo(first.eventId().toString());
        assertThat(first.topic()).isEqualTo(Topics.CATALOG_MODELS);
    }

    private static byte[] bytes(JsonNode node) {
        return EventCodec.mapper().writeValueAsBytes(node);
    }
}
