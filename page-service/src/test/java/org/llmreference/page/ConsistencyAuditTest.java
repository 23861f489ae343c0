package org.llmreference.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.page.DemoComparisons.changed;
import static org.llmreference.page.DemoComparisons.compare;
import static org.llmreference.page.DemoComparisons.repriced;
import static org.llmreference.page.DemoComparisons.side;
import static org.llmreference.page.DemoComparisons.uniqueTag;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.page.comparisons.StoredComparison;
import org.llmreference.page.pages.Pages;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consistency audit ({@code GET /actuator/consistency}) on the running service: what it lists
 * while the chain is on its way, and that the lists empty once it arrives. Each test leaves
 * everything it made settled again (the audit looks at the whole shared broker and database).
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsistencyAuditTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String AUDIT = "/actuator/consistency";
    static final String BINDING = "/actuator/bindings/regeneratePage-in-0";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Environment environment;

    @Autowired
    MongoDatabase database;

    @Autowired
    Pages pages;

    @Test
    void isConsistentWithEmptyListsOnceEveryPageShowsItsComparison(TestInfrastructure infrastructure) {
        String tag = uniqueTag();
        Comparison comparison = compare(side("gpt-oss-20b", tag), side("qwen3.5-4b", tag));
        send(infrastructure, changed(comparison, 1, List.of()));
        await().atMost(WAIT).until(() -> pages.find(comparison.pairId()).isPresent());

        await().atMost(WAIT).until(() -> audit().get("consistent").asBoolean());

        JsonNode audit = audit();
        assertThat(Instant.parse(audit.get("checkedAt").asString())).isBetween(Instant.now().minusSeconds(60), Instant.now());
        for (String section : List.of("pagesBehindComparisons", "comparisonEventsNotApplied", "comparisonsBehindSources")) {
            assertThat(audit.get(section).get("count").asLong()).as(section).isZero();
            assertThat(audit.get(section).get("items").isEmpty()).as(section).isTrue();
            assertThat(audit.get(section).get("oldestAgeSeconds").isNull()).as(section).isTrue();
            assertThat(audit.get(section).get("truncated").asBoolean()).as(section).isFalse();
        }
        assertThat(audit.get("comparisonEventsNotApplied").get("group").asString()).isEqualTo("page-service");
        assertThat(audit.get("comparisonsBehindSources").get("group").asString()).isEqualTo("comparison-service");
        assertThat(texts(audit.get("comparisonsBehindSources").get("topics")))
                .containsExactly(Topics.CATALOG_MODELS, Topics.PRICING_ROUTES);
    }

    @Test
    void listsComparisonEventsPageServiceHasNotConsumedUntilItHas(TestInfrastructure infrastructure) {
        String tag = uniqueTag();
        Side a = side("claude-sonnet-4-5", tag);
        Side b = side("claude-haiku-4-5", tag);
        Comparison first = compare(a, b);
        Comparison other = compare(a, side("gpt-4o", tag));
        Instant minuteAgo = Instant.now().minusSeconds(60);
        Instant tenSecondsAgo = Instant.now().minusSeconds(10);
        Instant fiveSecondsAgo = Instant.now().minusSeconds(5);
        Envelope<ComparisonChanged> rev1 = Envelope.startingChain(new ComparisonChanged(first, "sha256:1", List.of()),
                first.pairId(), 1, minuteAgo);
        Envelope<ComparisonChanged> rev2 = Envelope.startingChain(
                new ComparisonChanged(compare(repriced(a, "2"), b), "sha256:2", List.of("pricing")), first.pairId(), 2,
                tenSecondsAgo);
        Envelope<ComparisonChanged> otherRev1 = Envelope.startingChain(
                new ComparisonChanged(other, "sha256:3", List.of()), other.pairId(), 1, fiveSecondsAgo);

        assertThat(api().post(BINDING, "{\"state\":\"STOPPED\"}").as(TestTokens.OPS).send().statusCode()).isLessThan(300);
        try {
            send(infrastructure, rev1, rev2, otherRev1);

            JsonNode audit = await().atMost(WAIT).until(this::audit,
                    node -> items(node, "comparisonEventsNotApplied", "pairId", tag).size() == 3);
            List<JsonNode> pending = items(audit, "comparisonEventsNotApplied", "pairId", tag);
            assertThat(pending).extracting(item -> item.get("pairId").asString() + "@" + item.get("revision").asLong())
                    .as("oldest first").containsExactly(first.pairId() + "@1", first.pairId() + "@2", other.pairId() + "@1");
            assertThat(pending).allSatisfy(item -> assertThat(item.get("eventType").asString())
                    .isEqualTo("comparison.ComparisonChanged.v1"));
            assertThat(age(pending.get(0))).isBetween(new BigDecimal("60"), new BigDecimal("60").add(seconds(WAIT)));
            assertThat(age(pending.get(2))).isBetween(new BigDecimal("5"), new BigDecimal("5").add(seconds(WAIT)));
            assertThat(Instant.parse(pending.get(0).get("occurredAt").asString())).isEqualTo(rev1.occurredAt());
            assertThat(audit.get("consistent").asBoolean()).isFalse();
            assertThat(audit.get("comparisonEventsNotApplied").get("count").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(audit.get("comparisonEventsNotApplied").get("oldestAgeSeconds").decimalValue())
                    .isGreaterThanOrEqualTo(age(pending.get(0)));
            assertThat(items(audit, "pagesBehindComparisons", "pairId", tag)).as("nothing applied, nothing behind").isEmpty();
        } finally {
            assertThat(api().post(BINDING, "{\"state\":\"STARTED\"}").as(TestTokens.OPS).send().statusCode()).isLessThan(300);
        }

        await().atMost(WAIT).until(() -> items(audit(), "comparisonEventsNotApplied", "pairId", tag).isEmpty());
        await().atMost(WAIT).until(() -> pages.find(first.pairId()).map(page -> page.page().revision() == 2).orElse(false)
                && pages.find(other.pairId()).isPresent());
        assertThat(items(audit(), "pagesBehindComparisons", "pairId", tag)).isEmpty();
    }

    @Test
    void listsSourceEventsComparisonServiceHasNotProcessedFromTheStartOfTheLogWhenTheGroupHasNoOffsets(
            TestInfrastructure infrastructure) {
        String model = "audited-" + uniqueTag();
        Envelope<ModelChanged> modelChanged = Envelope.startingChain(new ModelChanged(Models.aModel(model), List.of("name")),
                model, 4, Instant.now().minusSeconds(20));
        Envelope<RouteChanged> routeChanged = Envelope.startingChain(new RouteChanged(model, "openrouter", List.of(),
                List.of("inputPricePerMTok")), model, 7, Instant.now().minusSeconds(5));
        send(infrastructure, modelChanged, routeChanged);

        // No comparison-service runs here: its group has never committed an offset, so it starts at the log start.
        JsonNode audit = await().atMost(WAIT).until(this::audit,
                node -> items(node, "comparisonsBehindSources", "modelId", model).size() == 2);
        List<JsonNode> pending = items(audit, "comparisonsBehindSources", "modelId", model);
        assertThat(pending).extracting(item -> item.get("topic").asString() + " " + item.get("eventType").asString()
                + " rev " + item.get("revision").asLong()).containsExactly(
                        Topics.CATALOG_MODELS + " catalog.ModelChanged.v1 rev 4",
                        Topics.PRICING_ROUTES + " pricing.RouteChanged.v1 rev 7");
        assertThat(age(pending.get(0))).isBetween(new BigDecimal("20"), new BigDecimal("20").add(seconds(WAIT)));
        assertThat(age(pending.get(1))).isBetween(new BigDecimal("5"), new BigDecimal("5").add(seconds(WAIT)));
        assertThat(audit.get("consistent").asBoolean()).isFalse();

        commitEverythingAs("comparison-service", infrastructure, Topics.CATALOG_MODELS, Topics.PRICING_ROUTES);

        JsonNode after = audit();
        assertThat(items(after, "comparisonsBehindSources", "modelId", model)).isEmpty();
        assertThat(after.get("comparisonsBehindSources").get("count").asLong()).isZero();
    }

    @Test
    void listsPagesBehindTheirComparisonsUntilTheyCatchUp(TestInfrastructure infrastructure) {
        String tag = uniqueTag();
        Side a = side("gemini-2.5-flash", tag);
        Side b = side("deepseek-v3.2", tag);
        Comparison behind = compare(a, b);
        Comparison missing = compare(b, side("o3-mini", tag));
        send(infrastructure, changed(behind, 1, List.of()));
        await().atMost(WAIT).until(() -> pages.find(behind.pairId()).isPresent());
        Envelope<ComparisonChanged> rev2 = Envelope.startingChain(
                new ComparisonChanged(compare(repriced(a, "3"), b), "sha256:r2", List.of("pricing")), behind.pairId(), 2,
                Instant.now().minusSeconds(30));
        Envelope<ComparisonChanged> missingRev1 = Envelope.startingChain(new ComparisonChanged(missing, "sha256:m", List.of()),
                missing.pairId(), 1, Instant.now().minusSeconds(90));

        // As if rendering had failed after the comparison was stored: the comparisons are newer than the pages.
        store(rev2);
        store(missingRev1);

        List<JsonNode> findings = items(audit(), "pagesBehindComparisons", "pairId", tag);
        assertThat(findings).extracting(item -> item.get("pairId").asString()).as("oldest first")
                .containsExactly(missing.pairId(), behind.pairId());
        assertThat(findings.get(0).get("finding").asString()).isEqualTo("missing");
        assertThat(findings.get(0).get("pageRevision").isNull()).isTrue();
        assertThat(findings.get(0).get("comparisonRevision").asLong()).isEqualTo(1);
        assertThat(age(findings.get(0))).isBetween(new BigDecimal("90"), new BigDecimal("90").add(seconds(WAIT)));
        assertThat(findings.get(1).get("finding").asString()).isEqualTo("behind");
        assertThat(findings.get(1).get("pageRevision").asLong()).isEqualTo(1);
        assertThat(findings.get(1).get("comparisonRevision").asLong()).isEqualTo(2);
        assertThat(Instant.parse(findings.get(1).get("occurredAt").asString())).isEqualTo(rev2.occurredAt());
        assertThat(age(findings.get(1))).isBetween(new BigDecimal("30"), new BigDecimal("30").add(seconds(WAIT)));

        send(infrastructure, rev2, missingRev1);

        await().atMost(WAIT).until(() -> items(audit(), "pagesBehindComparisons", "pairId", tag).isEmpty());
        assertThat(pages.find(behind.pairId()).orElseThrow().page().revision()).isEqualTo(2);
        assertThat(pages.find(missing.pairId()).orElseThrow().page().revision()).isEqualTo(1);
    }

    @Test
    void needsTheOpsToken() {
        HttpResponse<String> anonymous = api().get(AUDIT).send();
        HttpResponse<String> editor = api().get(AUDIT).as(TestTokens.EDITOR).send();
        HttpResponse<String> ops = api().get(AUDIT).as(TestTokens.OPS).send();

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(editor.statusCode()).isEqualTo(403);
        assertThat(editor.body()).contains("ops");
        assertThat(ops.statusCode()).isEqualTo(200);
        assertThat(ops.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(ops.body()).contains("\"checkedAt\"").contains("\"consistent\"");
    }

    /** Stores the comparison of {@code event} in page-service's collection directly, without its page. */
    private void store(Envelope<ComparisonChanged> event) {
        database.getCollection("comparisons", StoredComparison.class).replaceOne(Filters.eq("_id", event.aggregateId()),
                new StoredComparison(event.aggregateId(), event.revision(), true, event.payload().comparison(),
                        event.causedBy(), event.occurredAt()),
                new ReplaceOptions().upsert(true));
    }

    /** Commits {@code group}'s offsets at the end of every partition of {@code topics}, as if it had consumed all. */
    private static void commitEverythingAs(String group, TestInfrastructure infrastructure, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topics)).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not commit the offsets of " + group, e);
        }
    }

    private JsonNode audit() {
        HttpResponse<String> response = api().get(AUDIT).as(TestTokens.OPS).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The items of {@code section} whose {@code field} contains {@code tag}, in the audit's order. */
    private static List<JsonNode> items(JsonNode audit, String section, String field, String tag) {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : audit.get(section).get("items")) {
            if (item.get(field).asString().contains(tag)) {
                items.add(item);
            }
        }
        return items;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }

    private static BigDecimal age(JsonNode item) {
        return item.get("ageSeconds").decimalValue();
    }

    private static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toSeconds());
    }

    private static void send(TestInfrastructure infrastructure, Envelope<?>... events) {
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            for (Envelope<?> event : events) {
                sender.send(event);
            }
        }
    }

    private Api api() {
        return Api.onPort(environment.getProperty("local.server.port"));
    }
}
