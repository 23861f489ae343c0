package org.llmreference.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.testsupport.Fixtures.aRouteLike;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.llmreference.comparison.sources.SourceProjections;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.contracts.EventPayload;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.TopicProbe;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The demo catalog as catalog and pricing events, through the real embedded broker and wire server:
 * the reference pair's comparison, a price change that republishes exactly the pairs of its model,
 * replays that publish nothing, and poison events that go to the dead-letter topic.
 */
@WithInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RecomputingComparisonsTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String GOLDEN = "gpt-oss-20b-vs-qwen3.5-4b";
    static boolean demoSent;

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SourceProjections projections;

    @BeforeEach
    void sendTheDemoCatalogOnce(TestInfrastructure infrastructure) {
        if (demoSent) {
            return;
        }
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            DemoCatalogEvents.models().forEach(sender::send);
            DemoCatalogEvents.priceLists().forEach((id, routes) -> sender.send(DemoCatalogEvents.priceList(id, routes, 1)));
        }
        demoSent = true;
        await().atMost(WAIT).until(() -> api().get("/api/pairs?model=mistral-large").send().statusCode() == 200
                && pairsOf("gpt-oss-20b").size() >= 8);
    }

    @Test
    @Order(1)
    void computesTheReferencePairFromTheDemoCatalog() {
        var curated = api().put("/api/pairs/qwen3.5-4b-vs-gpt-oss-20b", "").as(TestTokens.EDITOR).send();
        assertThat(curated.statusCode()).isIn(200, 201);
        assertThat(curated.headers().firstValue("Location")).hasValue("/api/pairs/" + GOLDEN);

        JsonNode body = await().atMost(WAIT).until(() -> comparison(GOLDEN), node -> node != null);
        JsonNode comparison = body.get("comparison");

        assertThat(comparison.at("/title").asString()).isEqualTo("gpt-oss-20b vs Qwen3.5-4B");
        assertThat(comparison.at("/verdict/sentence").asString())
                .isEqualTo("Qwen3.5-4B is safer overall; choose gpt-oss-20b when provider fit matters.");
        assertThat(comparison.at("/monthlyCost/models/0/monthlyUsd").decimalValue()).isEqualByComparingTo("59.00");
        assertThat(comparison.at("/monthlyCost/models/0/note").asString()).isEqualTo("Cheapest tracked route/tier: OpenRouter");
        assertThat(comparison.at("/monthlyCost/models/1/note").asString()).isEqualTo("No complete token price in local provider data");
        assertThat(comparison.at("/monthlyCost/deltaNote").asString())
                .isEqualTo("Cost delta unavailable until both models have sourced input and output token prices.");
        assertThat(api().get("/api/comparisons/qwen3.5-4b-vs-gpt-oss-20b").send())
                .satisfies(redirect -> {
                    assertThat(redirect.statusCode()).isEqualTo(301);
                    assertThat(redirect.headers().firstValue("Location")).hasValue("/api/comparisons/" + GOLDEN);
                });
    }

    @Test
    void aPriceChangeRepublishesExactlyThePairsOfTheRepricedModel(TestInfrastructure infrastructure) {
        Set<String> pairs = pairsOf("gpt-oss-20b");
        await().atMost(WAIT).until(() -> pairs.stream().allMatch(pair -> comparison(pair) != null));
        Map<String, Long> revisions = pairs.stream().collect(Collectors.toMap(pair -> pair, pair -> comparison(pair).get("revision").asLong()));
        List<RouteSnapshot> routes = new ArrayList<>(DemoCatalogEvents.priceLists().get("gpt-oss-20b"));
        RouteSnapshot openRouter = routes.get(1);
        routes.set(1, aRouteLike(openRouter).priced("0.02", "0.10").withTokenPricesOnly().build());
        Envelope<RouteChanged> repriced = Envelope.startingChain(
                new RouteChanged("gpt-oss-20b", "openrouter", routes, List.of("inputPricePerMTok", "outputPricePerMTok")),
                "gpt-oss-20b", 2, Instant.parse("2026-11-25T12:00:00.250Z"));

        try (TopicProbe pages = new TopicProbe(infrastructure.kafkaBootstrapServers(), Topics.COMPARISON_PAGES);
                EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(repriced);
            Predicate<ConsumerRecord<byte[], byte[]>> causedByTheChange =
                    record -> repriced.causedBy().equals(TopicProbe.header(record, EventHeaders.CAUSED_BY));
            List<ConsumerRecord<byte[], byte[]>> caused = pages.collectUntil(records -> records.stream()
                    .filter(causedByTheChange).map(TopicProbe::key).collect(Collectors.toSet()).containsAll(pairs), WAIT)
                    .stream().filter(causedByTheChange).toList();

            assertThat(caused).extracting(TopicProbe::key).containsExactlyInAnyOrderElementsOf(pairs);
            for (ConsumerRecord<byte[], byte[]> record : caused) {
                Envelope<EventPayload> event = EventCodec.decode(record.value());
                assertThat(TopicProbe.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("comparison.ComparisonChanged.v1");
                assertThat(event.aggregateId()).isEqualTo(TopicProbe.key(record));
                assertThat(event.revision()).isEqualTo(revisions.get(event.aggregateId()) + 1);
                assertThat(event.occurredAt()).isEqualTo(repriced.occurredAt());
                ComparisonChanged changed = (ComparisonChanged) event.payload();
                assertThat(changed.changedSections()).contains("scorecard", "pricing", "monthlyCost")
                        .doesNotContain("capabilities", "specs");
            }
        }
        assertThat(comparison(GOLDEN).at("/comparison/monthlyCost/models/0/monthlyUsd").decimalValue())
                .isEqualByComparingTo("41.00");
    }

    @Test
    void aRepeatedOrOlderEventPublishesNothing(TestInfrastructure infrastructure) {
        Set<String> pairs = pairsOf("qwen3.5-397b-a17b");
        await().atMost(WAIT).until(() -> pairs.stream().allMatch(pair -> comparison(pair) != null));
        double staleBefore = staleCount();
        Envelope<RouteChanged> replayed = DemoCatalogEvents.priceList("qwen3.5-397b-a17b",
                DemoCatalogEvents.priceLists().get("qwen3.5-397b-a17b"), 1);

        try (TopicProbe pages = new TopicProbe(infrastructure.kafkaBootstrapServers(), Topics.COMPARISON_PAGES);
                EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(replayed);
            sender.send(replayed);
            await().atMost(WAIT).until(() -> staleCount() >= staleBefore + 2);

            assertThat(pages.collectToEnd(WAIT))
                    .noneMatch(record -> replayed.causedBy().equals(TopicProbe.header(record, EventHeaders.CAUSED_BY)));
        }
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicAndThePartitionKeepsFlowing(TestInfrastructure infrastructure) {
        String key = "gpt-4o";
        double failedBefore = meters.counter("llmref.events.failed", "topic", Topics.PRICING_ROUTES, "outcome",
                "retried-or-dead-lettered").count();
        double unreadableBefore = deadLettered("unreadable");
        double deadFailedBefore = deadLettered("failed");
        Envelope<RouteChanged> misaddressed = Envelope.startingChain(new RouteChanged("gpt-4.1-mini", "openai",
                DemoCatalogEvents.priceLists().get("gpt-4.1-mini"), List.of()), key, 50, Instant.now());
        List<RouteSnapshot> routes = new ArrayList<>(DemoCatalogEvents.priceLists().get(key));
        routes.remove(1);
        Envelope<RouteChanged> valid = DemoCatalogEvents.priceList(key, routes, 60);

        try (TopicProbe deadLetters = new TopicProbe(infrastructure.kafkaBootstrapServers(),
                Topics.deadLetterTopic(Topics.PRICING_ROUTES, "comparison-service"));
                EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(Topics.PRICING_ROUTES, key, "pricing.RouteChanged.v1", "{not json".getBytes(StandardCharsets.UTF_8));
            sender.send(Topics.PRICING_ROUTES, key, "pricing.RouteChanged.v9",
                    "{\"type\":\"pricing.RouteChanged.v1\",\"schemaVersion\":9}".getBytes(StandardCharsets.UTF_8));
            sender.send(misaddressed);
            sender.send(valid);

            deadLetters.awaitRecord(record -> new String(record.value(), StandardCharsets.UTF_8).startsWith("{not json"), WAIT);
            deadLetters.awaitRecord(record -> new String(record.value(), StandardCharsets.UTF_8).contains("\"schemaVersion\":9"), WAIT);
            deadLetters.awaitRecord(record -> new String(record.value(), StandardCharsets.UTF_8).contains(misaddressed.eventId().toString()), WAIT);
            await().atMost(WAIT).until(() -> projections.priceList(key).map(list -> list.revision() == 60).orElse(false));
        }
        assertThat(meters.counter("llmref.events.failed", "topic", Topics.PRICING_ROUTES, "outcome", "retried-or-dead-lettered").count())
                .as("the misaddressed event is tried max-attempts (3) times").isEqualTo(failedBefore + 3);
        assertThat(deadLettered("unreadable")).as("malformed JSON and an unknown schema version").isEqualTo(unreadableBefore + 2);
        assertThat(deadLettered("failed")).as("the misaddressed event, once, after its last attempt").isEqualTo(deadFailedBefore + 1);
    }

    private double deadLettered(String reason) {
        return meters.counter("llmref.events.dead.lettered", "topic", Topics.PRICING_ROUTES, "group", "comparison-service",
                "reason", reason).count();
    }

    private double staleCount() {
        return meters.counter("llmref.events.consumed", "topic", Topics.PRICING_ROUTES, "outcome", "stale").count();
    }

    private Set<String> pairsOf(String model) {
        var response = api().get("/api/pairs?model=" + model + "&size=1000").send();
        if (response.statusCode() != 200) {
            return Set.of();
        }
        Set<String> ids = new TreeSet<>();
        EventCodec.mapper().readTree(response.body()).get("items").forEach(item -> ids.add(item.get("pairId").asString()));
        return ids;
    }

    private JsonNode comparison(String pairId) {
        var response = api().get("/api/comparisons/" + pairId).send();
        return response.statusCode() == 200 ? EventCodec.mapper().readTree(response.body()) : null;
    }

    private Api api() {
        return Api.onPort(environment.getProperty("local.server.port"));
    }
}
