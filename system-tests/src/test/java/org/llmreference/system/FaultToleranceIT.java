package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.contracts.Topics;
import org.llmreference.system.Site.Served;
import org.llmreference.testsupport.OutageBroker;
import org.llmreference.testsupport.OutageMongo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The site under faults, with real processes on a broker and a MongoDB-wire server of its own that
 * the test stops and starts: poison events go to the dead-letter topics while their partitions
 * keep flowing; a 30 s broker outage during 500 edits loses and duplicates nothing, every service
 * stays ready and every visit gets its page (marked stale); {@code kill -9} of the consumers never
 * makes a page go back in time; a 20 s MongoDB outage turns editor writes into 503s and the editor
 * services unready, while page-service stays ready and every visit gets its page, and the services
 * recover by themselves. Every edit reprices one of five routes with
 * prices that only grow, so each page's monthly cost tells which edit it reflects. Each test
 * prints what it measured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    static final Duration WAIT = Duration.ofSeconds(120);
    /** The repriced routes: model id and provider id. */
    static final List<List<String>> ROUTES = List.of(List.of("gpt-oss-120b", "groq"), List.of("llama-3.3-70b", "groq"),
            List.of("claude-haiku-4-5", "anthropic"), List.of("gemini-2.5-flash", "google"),
            List.of("deepseek-v3.2", "deepseek"));

    OutageBroker broker;
    OutageMongo mongo;
    Site site;
    final Map<String, JsonNode> routeTemplates = new HashMap<>();
    /** The last accepted edit per repriced model. */
    final Map<String, Integer> lastAccepted = new ConcurrentHashMap<>();
    final AtomicInteger edits = new AtomicInteger();

    @BeforeAll
    void startTheSiteOnInfrastructureOfItsOwn() throws Exception {
        broker = OutageBroker.start("llmref-fault-kafka");
        mongo = OutageMongo.start();
        site = Site.start(broker.bootstrapServers(), mongo.connectionString());
        site.importDemo("fault-import.log");
        site.awaitEveryPageServed(WAIT);
        for (List<String> route : ROUTES) {
            routeTemplates.put(route.get(0), Site.read(site.pricingApi(), "/api/models/" + route.get(0) + "/routes/" + route.get(1)));
        }
    }

    @AfterAll
    void stopEverything() throws InterruptedException {
        if (site != null) {
            site.close();
        }
        if (mongo != null) {
            mongo.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void poisonEventsGoToTheDeadLetterTopicsAndTheirPartitionsKeepFlowing() {
        String model = ROUTES.get(0).get(0);
        String pair = site.pairsOf(model).iterator().next();
        byte[] malformed = "{\"type\": \"pricing.RouteChanged.v1\", \"schemaVersion\": 1, \"payload\": ".getBytes(StandardCharsets.UTF_8);
        byte[] futurePrices = withSchemaVersion(lastRecord(Topics.PRICING_ROUTES, model), 99);
        byte[] futureComparison = withSchemaVersion(lastRecord(Topics.COMPARISON_PAGES, pair), 99);

        send(Topics.PRICING_ROUTES, model, "pricing.RouteChanged.v1", malformed);
        send(Topics.PRICING_ROUTES, model, "pricing.RouteChanged.v1", futurePrices);
        send(Topics.COMPARISON_PAGES, pair, "comparison.ComparisonChanged.v1", futureComparison);
        edit(model);

        awaitConverged(Set.of(model), WAIT);
        assertThat(values(Topics.deadLetterTopic(Topics.PRICING_ROUTES, "comparison-service"), Duration.ofSeconds(30), 2))
                .contains(new String(malformed, StandardCharsets.UTF_8), new String(futurePrices, StandardCharsets.UTF_8));
        assertThat(values(Topics.deadLetterTopic(Topics.COMPARISON_PAGES, "page-service"), Duration.ofSeconds(30), 1))
                .contains(new String(futureComparison, StandardCharsets.UTF_8));
        assertThat(Site.metric(site.comparison, "llmref_events_dead_lettered_total", "topic=\"pricing.routes.v1\"", "reason=\"unreadable\""))
                .isGreaterThanOrEqualTo(2);
        assertThat(Site.metric(site.page, "llmref_events_dead_lettered_total", "topic=\"comparison.pages.v1\"", "reason=\"unreadable\""))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aThirtySecondBrokerOutageDuringFiveHundredEditsLosesNothingAndKeepsEachRevisionOneEvent() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        List<String> refused = new CopyOnWriteArrayList<>();
        Thread editor = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                HttpResponse<String> response = edit(ROUTES.get(i % ROUTES.size()).get(0));
                if (response.statusCode() == 200) {
                    accepted.incrementAndGet();
                } else {
                    refused.add(response.statusCode() + " " + response.body());
                }
                Figures.pause(55);
            }
        }, "editor");
        editor.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= 100);

        OutageVisitor visitor = new OutageVisitor(affectedPairs());
        Thread visiting = new Thread(visitor, "visitor");
        visiting.start();
        broker.stop();
        long stoppedAt = System.nanoTime();
        int acceptedWhenStopped = accepted.get();
        String stale = await().atMost(Duration.ofSeconds(20)).until(visitor::lastStaleHeader, header -> header != null);
        assertThat(stale).startsWith("kafka unreachable since ");
        assertThat(site.processes()).as("every service can still serve its users without Kafka")
                .allSatisfy(process -> assertThat(process.readinessStatus()).as("readiness without Kafka").isEqualTo(200));
        assertThat(Site.metric(site.page, "llmref_pages_stale_seconds", "dependency=\"kafka\"")).isGreaterThan(0);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, TimeUnit.SECONDS.toNanos(30) - (System.nanoTime() - stoppedAt)));
        broker.restart();
        long back = System.nanoTime();
        int acceptedWhenBack = accepted.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> visitor.lastStaleHeader() == null);
        double fresh = Figures.secondsSince(back);
        visitor.stop(visiting);
        editor.join(TimeUnit.MINUTES.toMillis(2));

        visitor.assertEveryVisitGotItsPage();
        assertThat(refused).as("editor writes while Kafka is down are accepted (the outbox keeps them)").isEmpty();
        assertThat(accepted.get()).isEqualTo(500);
        awaitConverged(lastAccepted.keySet(), WAIT);
        double converged = Figures.secondsSince(back);
        Figures.record("Broker outage: %d edits accepted before the stop, %d during the %.1f s outage, %d after; "
                + "%d page visits during the outage, all 200 with the page (%d marked stale); pages no longer marked stale "
                + "%.1f s and converged %.1f s after the broker's return", acceptedWhenStopped,
                acceptedWhenBack - acceptedWhenStopped, (back - stoppedAt) / 1e9, 500 - acceptedWhenBack, visitor.visits.get(),
                visitor.stale.get(), fresh, converged);
        assertRevisionsGaplessAndUnique(Topics.PRICING_ROUTES, lastAccepted.keySet());
        assertRevisionsGaplessAndUnique(Topics.COMPARISON_PAGES, affectedPairs());
        site.awaitConsistent();
    }

    @Test
    @Order(3)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void killingTheConsumersNeverServesAnOlderPageAfterANewerOne() throws Exception {
        Set<String> watched = affectedPairs();
        Recorder recorder = new Recorder(watched);
        Thread recording = new Thread(recorder, "visitor");
        recording.start();
        AtomicInteger accepted = new AtomicInteger();
        Thread editor = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                if (edit(ROUTES.get(i % ROUTES.size()).get(0)).statusCode() == 200) {
                    accepted.incrementAndGet();
                }
                Figures.pause(50);
            }
        }, "editor");
        editor.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= 50);
            site.comparison.kill();
            site.comparison = site.comparison.restart("after-kill");
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= 120);
            site.page.kill();
            site.page = site.page.restart("after-kill");
            site.comparison.awaitReady(Duration.ofSeconds(180));
            site.page.awaitReady(Duration.ofSeconds(180));
            long ready = System.nanoTime();
            editor.join(TimeUnit.MINUTES.toMillis(2));
            assertThat(accepted.get()).isEqualTo(200);
            awaitConverged(lastAccepted.keySet(), WAIT);
            Figures.record("Consumer crash: pages converged %.1f s after both killed services were ready again; "
                    + "%d page reads recorded", Figures.secondsSince(ready), recorder.reads.get());
        } finally {
            recorder.running.set(false);
            recording.join(10_000);
        }
        site.awaitConsistent();
        assertThat(recorder.reads.get()).isGreaterThan(watched.size() * 5);
        assertThat(recorder.wentBack).as("pages served an older revision after a newer one").isEmpty();
    }

    @Test
    @Order(4)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aTwentySecondMongoOutageAnswers503AndTheServicesRecoverByThemselves() throws Exception {
        String model = ROUTES.get(1).get(0);
        String pair = site.pairsOf(model).iterator().next();
        Served cached = site.serve(pair);
        assertThat(edit(model).statusCode()).isEqualTo(200);
        OutageVisitor visitor = new OutageVisitor(affectedPairs());
        Thread visiting = new Thread(visitor, "visitor");
        visiting.start();

        mongo.stop();
        long stoppedAt = System.nanoTime();
        List<HttpResponse<String>> writes = new ArrayList<>();
        writes.add(site.catalogApi().patch("/api/models/" + model, "{\"description\": \"written during the outage\"}")
                .as(Site.EDITOR_TOKEN).send());
        writes.add(edit(model));
        writes.add(site.comparisonApi().put("/api/pairs/gpt-oss-20b-vs-deepseek-v3.2", "").as(Site.EDITOR_TOKEN).send());
        assertThat(writes).allSatisfy(write -> {
            assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
            assertThat(write.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
            assertThat(write.body()).contains("\"detail\"").doesNotContain("Exception").doesNotContain("\tat ");
        });
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(List.of(site.catalog, site.pricing, site.comparison))
                .as("editor services cannot accept writes without MongoDB")
                .allSatisfy(process -> assertThat(process.readinessStatus()).isEqualTo(503)));
        String stale = await().atMost(Duration.ofSeconds(20)).until(visitor::lastStaleHeader,
                header -> header != null && header.contains("mongodb unreachable since "));
        assertThat(stale).doesNotContain("kafka");
        assertThat(site.page.readinessStatus()).as("page-service serves its pages from memory").isEqualTo(200);
        assertThat(site.serve(pair).status()).as("visitors still read pages held in memory").isEqualTo(cached.status());
        long remaining = TimeUnit.SECONDS.toNanos(20) - (System.nanoTime() - stoppedAt);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, remaining));

        mongo.restart();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(site.processes())
                .allSatisfy(process -> assertThat(process.readinessStatus()).isEqualTo(200)));
        double ready = Figures.secondsSince(back);
        await().atMost(Duration.ofSeconds(30)).until(() -> visitor.lastStaleHeader() == null);
        visitor.stop(visiting);
        visitor.assertEveryVisitGotItsPage();
        awaitConverged(Set.of(model), WAIT);
        double converged = Figures.secondsSince(back);
        assertThat(edit(model).statusCode()).isEqualTo(200);
        awaitConverged(Set.of(model), WAIT);
        Figures.record("MongoDB outage: %d page visits during it, all 200 with the page (%d marked stale); every "
                + "service ready again %.1f s after MongoDB's return; the edit accepted just before the outage reached its "
                + "pages %.1f s after; a new edit reached them %.1f s after", visitor.visits.get(), visitor.stale.get(),
                ready, converged, Figures.secondsSince(back));
    }

    /** Reprices the model's route with the next, higher price; records it when accepted. */
    HttpResponse<String> edit(String model) {
        int edit = edits.getAndIncrement();
        JsonNode template = routeTemplates.get(model);
        ObjectNode body = Site.JSON.createObjectNode();
        body.put("inputPricePerMTok", inputPrice(edit));
        body.put("outputPricePerMTok", inputPrice(edit).multiply(BigDecimal.valueOf(2)));
        body.put("contextWindow", template.get("contextWindow").asLong());
        body.put("status", "active");
        body.put("sourceUrl", template.get("sourceUrl").asString());
        body.put("verifiedAt", template.get("verifiedAt").asString());
        HttpResponse<String> response = site.pricingApi().put("/api/models/" + model + "/routes/" + template.get("providerId").asString(),
                body.toString()).as(Site.EDITOR_TOKEN).send();
        if (response.statusCode() == 200) {
            lastAccepted.merge(model, edit, Math::max);
        }
        return response;
    }

    /** $0.00001 per million input tokens for the first edit, one more step for each next one: below every real price. */
    static BigDecimal inputPrice(int edit) {
        return new BigDecimal("0.00001").multiply(BigDecimal.valueOf(edit + 1L));
    }

    /** The monthly cost at the default traffic (800M input and 250M output tokens) once an edit is in force. */
    static String monthlyCost(int edit) {
        BigDecimal input = inputPrice(edit);
        return "$" + input.multiply(BigDecimal.valueOf(800)).add(input.multiply(BigDecimal.valueOf(2)).multiply(BigDecimal.valueOf(250)))
                .setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    Set<String> affectedPairs() {
        Set<String> pairs = new TreeSet<>();
        for (List<String> route : ROUTES) {
            pairs.addAll(site.pairsOf(route.get(0)));
        }
        return pairs;
    }

    /** Until every page of the models shows the cost of their last accepted edit, at the revision comparison-service holds. */
    void awaitConverged(Set<String> models, Duration timeout) {
        Map<String, Set<String>> pairsByModel = new TreeMap<>();
        for (String model : models) {
            pairsByModel.put(model, site.pairsOf(model));
        }
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (Map.Entry<String, Set<String>> entry : pairsByModel.entrySet()) {
                String cost = monthlyCost(lastAccepted.get(entry.getKey()));
                for (String pair : entry.getValue()) {
                    Served page = site.serve(pair);
                    assertThat(page.body()).as("%s shows %s", pair, cost).contains(cost);
                    long revision = Site.read(site.comparisonApi(), "/api/comparisons/" + pair).get("revision").asLong();
                    assertThat(page.revision()).as(pair).isEqualTo(revision);
                }
            }
        });
    }

    void assertRevisionsGaplessAndUnique(String topic, Set<String> keys) {
        int redelivered = TopicRecords.assertRevisionsGaplessAndUnique(readAll(topic), topic, keys);
        Figures.record("Broker outage: %d records appended again on %s (the same event; consumers skip it by revision)",
                redelivered, topic);
    }

    private byte[] lastRecord(String topic, String key) {
        byte[] last = null;
        for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
            if (key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                last = record.value();
            }
        }
        assertThat(last).as("a record of %s on %s", key, topic).isNotNull();
        return last;
    }

    private static byte[] withSchemaVersion(byte[] event, int version) {
        ObjectNode node = (ObjectNode) Site.JSON.readTree(event);
        node.put("schemaVersion", version);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void send(String topic, String key, String type, byte[] value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            producer.flush();
        }
    }

    /** The values on a topic once it holds at least {@code atLeast} records. */
    private List<String> values(String topic, Duration timeout, int atLeast) {
        List<String> values = new ArrayList<>();
        await().atMost(timeout).until(() -> {
            values.clear();
            readAll(topic).forEach(record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
            return values.size() >= atLeast;
        });
        return values;
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return TopicRecords.readAll(broker.bootstrapServers(), topic);
    }

    /**
     * A visitor reading pages over and over through an outage: every visit must be answered 200 with
     * the page, and page-service must stay ready. Notes the {@code X-Llmref-Stale} header it is given.
     */
    final class OutageVisitor implements Runnable {

        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger visits = new AtomicInteger();
        final AtomicInteger stale = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final List<String> pairs;
        private volatile String lastStaleHeader;

        OutageVisitor(Set<String> pairs) {
            this.pairs = List.copyOf(pairs);
        }

        @Override
        public void run() {
            while (running.get()) {
                for (String pair : pairs) {
                    try {
                        HttpResponse<String> page = site.pageApi().get("/compare/" + pair).send();
                        visits.incrementAndGet();
                        if (page.statusCode() != 200 || !page.body().contains("</html>")) {
                            failures.add(pair + ": " + page.statusCode() + " " + page.body().substring(0, Math.min(200, page.body().length())));
                        }
                        String header = page.headers().firstValue("X-Llmref-Stale").orElse(null);
                        if (header != null) {
                            stale.incrementAndGet();
                        }
                        lastStaleHeader = header;
                    } catch (RuntimeException e) {
                        failures.add(pair + ": " + e);
                    }
                }
                int readiness = site.page.readinessStatus();
                if (readiness != 200) {
                    failures.add("page-service readiness " + readiness);
                }
            }
        }

        /** The header of the latest visit; {@code null} once pages are no longer marked stale. */
        String lastStaleHeader() {
            return lastStaleHeader;
        }

        void stop(Thread thread) throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }

        void assertEveryVisitGotItsPage() {
            assertThat(visits.get()).as("page visits during the outage").isGreaterThan(pairs.size() * 5);
            assertThat(stale.get()).as("visits told the pages may be stale").isGreaterThan(0);
            assertThat(failures).as("visits not answered 200 with the page, or page-service not ready").isEmpty();
        }
    }

    /** A visitor reading the watched pages over and over, noting any page whose revision went down. */
    final class Recorder implements Runnable {

        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger reads = new AtomicInteger();
        final Map<String, Long> newest = new LinkedHashMap<>();
        final List<String> wentBack = new CopyOnWriteArrayList<>();
        private final Set<String> pairs;

        Recorder(Set<String> pairs) {
            this.pairs = pairs;
        }

        @Override
        public void run() {
            while (running.get()) {
                for (String pair : pairs) {
                    Served page;
                    try {
                        page = site.serve(pair);
                    } catch (RuntimeException e) {
                        continue; // page-service is down: nothing is served, so nothing old either
                    }
                    if (page.status() != 200) {
                        continue;
                    }
                    reads.incrementAndGet();
                    long revision = page.revision();
                    Long before = newest.put(pair, Math.max(revision, newest.getOrDefault(pair, 0L)));
                    if (before != null && revision < before) {
                        wentBack.add(pair + " served revision " + revision + " after " + before);
                    }
                }
            }
        }
    }
}
