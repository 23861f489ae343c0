package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.llmreference.contracts.Topics;
import org.llmreference.system.FromScratch.Published;
import org.llmreference.system.Site.Served;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.Deadlines;
import org.llmreference.testsupport.OutageBroker;
import org.llmreference.testsupport.OutageMongo;

import tools.jackson.databind.JsonNode;

/**
 * Two instances of comparison-service and two of page-service on one Kafka and one MongoDB, as
 * {@code LLMREF_COMPARISON_INSTANCES=2 LLMREF_PAGE_INSTANCES=2 ./llmref up} runs them: the
 * comparison-service instances split the pairs (each publishes the pairs of the partitions the owners
 * group gives it), and each page-service instance serves every page. What the instances published is
 * checked against a computation from scratch ({@link FromScratch}) of the catalog and price lists on
 * the topics, and both page-service instances must serve every pair at the revision last published,
 * the same page but for how long after the edit each instance rendered it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    static final Duration WAIT = Duration.ofMinutes(3);
    static final Pattern REGENERATED = Pattern.compile("Regenerated [^<]*? after the source change");

    OutageBroker broker;
    OutageMongo mongo;
    Site site;
    ServiceProcess secondComparison;
    ServiceProcess secondPage;
    /** Per model with a route, one of them as pricing-service answers it: the template of every edit. */
    final Map<String, JsonNode> routes = new TreeMap<>();
    final AtomicInteger edits = new AtomicInteger();

    @BeforeAll
    void startTwoInstancesOfEachConsumer() throws Exception {
        broker = OutageBroker.start("llmref-two-instances-kafka");
        mongo = OutageMongo.start();
        // Both page-service instances serve the site under one address, as behind a load balancer.
        site = Site.start(broker.bootstrapServers(), mongo.connectionString(),
                Map.of("page-service", Map.of("LLMREF_BASE_URL", "http://llmref.test")));
        secondComparison = site.startInstance(site.comparison, 2);
        secondPage = site.startInstance(site.page, 2);
        site.importDemo("two-instances-import.log");
        site.awaitEveryPageServed(WAIT);
        for (String pair : site.livePairs()) {
            for (String model : pair.split("-vs-")) {
                routes.computeIfAbsent(model, this::firstRoute);
            }
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
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void interleavedEditsToBothModelsOfEveryPairEndWithEveryPageAsComputedFromScratch() throws Exception {
        assertThat(ownedPartitions(site.comparison) + ownedPartitions(secondComparison))
                .as("the two comparison-service instances share the six partitions").isEqualTo(6);
        assertThat(ownedPartitions(secondComparison)).as("the second instance owns some of them").isGreaterThan(0);
        List<String> models = List.copyOf(routes.keySet());
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Thread> editors = new ArrayList<>();
        for (int parity = 0; parity < 2; parity++) {
            int first = parity;
            editors.add(new Thread(() -> {
                for (int round = 0; round < 3; round++) {
                    for (int i = first; i < models.size(); i += 2) {
                        HttpResponse<String> response = edit(models.get(i));
                        if (response.statusCode() != 200) {
                            failures.add(models.get(i) + ": " + response.statusCode() + " " + response.body());
                        }
                    }
                }
            }, "editor-" + parity));
        }
        double published = publishedBy(site.comparison) + publishedBy(secondComparison);
        editors.forEach(Thread::start);
        for (Thread editor : editors) {
            editor.join(TimeUnit.MINUTES.toMillis(3));
        }
        assertThat(failures).as("edits refused").isEmpty();
        long settling = System.nanoTime();
        awaitEveryPageAsComputedFromScratch();
        assertThat(publishedBy(secondComparison)).as("the second comparison-service instance published its pairs")
                .isGreaterThan(0);
        assertThat(publishedBy(site.comparison) + publishedBy(secondComparison)).isGreaterThan(published);
        Figures.record("Two instances: %d interleaved edits to %d models; every page of %d pairs as computed from scratch "
                + "on both page-service instances %.1f s after the last edit", edits.get(), models.size(),
                site.livePairs().size(), Figures.secondsSince(settling));
    }

    @Test
    @Order(2)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void killingOneOfTwoComparisonServicesDuringTwoHundredEditsLosesNothingAndNoPageGoesBack() throws Exception {
        List<String> models = List.copyOf(routes.keySet());
        Recorder recorder = new Recorder(site.livePairs());
        Thread recording = new Thread(recorder, "visitor");
        recording.start();
        AtomicInteger accepted = new AtomicInteger();
        Thread editor = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                if (edit(models.get(i % models.size())).statusCode() == 200) {
                    accepted.incrementAndGet();
                }
                Figures.pause(50);
            }
        }, "editor");
        editor.start();
        double failover;
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> accepted.get() >= 50);
            int before = ownedPartitions(site.comparison);
            secondComparison.kill();
            long killed = System.nanoTime();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ownedPartitions(site.comparison) == 6);
            failover = Figures.secondsSince(killed);
            assertThat(before).as("partitions the surviving instance owned before").isLessThan(6);
            await().atMost(Duration.ofSeconds(120)).until(() -> accepted.get() >= 120);
            secondComparison = secondComparison.restart("after-kill");
            site.instances.add(secondComparison);
            secondComparison.awaitReady(Deadlines.SERVICE_READY);
            editor.join(TimeUnit.MINUTES.toMillis(3));
            assertThat(accepted.get()).as("edits accepted").isEqualTo(200);
            long last = System.nanoTime();
            awaitEveryPageAsComputedFromScratch();
            Figures.record("Two instances, one comparison-service killed (kill -9) during 200 edits: the survivor owned every "
                    + "partition %.1f s after the kill (session timeout %d s); every page as computed from scratch %.1f s "
                    + "after the last edit; %d page reads recorded", failover, 10, Figures.secondsSince(last), recorder.reads.get());
        } finally {
            recorder.running.set(false);
            recording.join(10_000);
        }
        await().atMost(WAIT).until(() -> ownedPartitions(secondComparison) > 0);
        TopicRecords.assertRevisionsGaplessAndUnique(TopicRecords.readAll(broker.bootstrapServers(), Topics.COMPARISON_PAGES),
                Topics.COMPARISON_PAGES, FromScratch.published(broker.bootstrapServers()).keySet());
        assertThat(recorder.reads.get()).isGreaterThan(recorder.pairs.size() * 4);
        assertThat(recorder.wentBack).as("pages served an older revision after a newer one").isEmpty();
    }

    /**
     * Until the newest event of every pair carries the content a computation from scratch gives (and
     * no pair outside it is live), and both page-service instances serve every live pair at that
     * revision, the same page.
     */
    void awaitEveryPageAsComputedFromScratch() {
        String kafka = broker.bootstrapServers();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, String> expected = FromScratch.contentHashes(kafka);
            Map<String, Published> published = FromScratch.published(kafka);
            Map<String, String> live = new TreeMap<>();
            published.forEach((pair, last) -> {
                if (last.live()) {
                    live.put(pair, last.contentHash());
                }
            });
            assertThat(live).as("every live pair's content, as published").isEqualTo(expected);
            for (String pair : expected.keySet()) {
                Served first = serve(site.page, pair);
                Served second = serve(secondPage, pair);
                assertThat(first.revision()).as("%s on page-service 1", pair).isEqualTo(published.get(pair).revision());
                assertThat(second.revision()).as("%s on page-service 2", pair).isEqualTo(published.get(pair).revision());
                assertThat(sameOnEveryInstance(second.body())).as("%s on page-service 2", pair)
                        .isEqualTo(sameOnEveryInstance(first.body()));
            }
        });
    }

    /** A page without the one sentence each instance words for itself: how long after the edit it rendered the page. */
    private static String sameOnEveryInstance(String page) {
        return REGENERATED.matcher(page).replaceAll("Regenerated after the source change");
    }

    /** Reprices the model's route with the next, higher price. */
    HttpResponse<String> edit(String model) {
        int edit = edits.getAndIncrement();
        JsonNode template = routes.get(model);
        BigDecimal input = new BigDecimal("0.00001").multiply(BigDecimal.valueOf(edit + 1L));
        return site.pricingApi().put("/api/models/" + model + "/routes/" + template.get("providerId").asString(),
                Site.repriced(template, input)).as(Site.EDITOR_TOKEN).send();
    }

    /** One of the model's routes; null when it has none (its pages say so, and it is not edited here). */
    private JsonNode firstRoute(String model) {
        JsonNode list = Site.read(site.pricingApi(), "/api/models/" + model + "/routes");
        assertThat(list).as("the routes of %s", model).isNotNull();
        if (list.get("routes").isEmpty()) {
            return null;
        }
        String provider = list.get("routes").get(0).get("providerId").asString();
        return Site.read(site.pricingApi(), "/api/models/" + model + "/routes/" + provider);
    }

    private static Served serve(ServiceProcess page, String pair) {
        HttpResponse<String> response = Api.onPort(page.port()).get("/compare/" + pair).send();
        return new Served(response.statusCode(), response.headers().firstValue("ETag").orElse(""), response.body());
    }

    private static int ownedPartitions(ServiceProcess comparison) {
        double owned = Site.metric(comparison, "llmref_comparisons_owned_partitions");
        return Double.isNaN(owned) ? 0 : (int) owned;
    }

    private static double publishedBy(ServiceProcess comparison) {
        double published = Site.metric(comparison, "llmref_comparisons_published_total", "event=\"changed\"");
        return Double.isNaN(published) ? 0 : published;
    }

    /** A visitor reading every page on both page-service instances over and over, noting any revision that went down. */
    final class Recorder implements Runnable {

        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger reads = new AtomicInteger();
        final Map<String, Long> newest = new ConcurrentHashMap<>();
        final List<String> wentBack = new CopyOnWriteArrayList<>();
        final Set<String> pairs;

        Recorder(Set<String> pairs) {
            this.pairs = pairs;
        }

        @Override
        public void run() {
            while (running.get()) {
                for (String pair : pairs) {
                    read(site.page, "page-service 1", pair);
                    read(secondPage, "page-service 2", pair);
                }
            }
        }

        private void read(ServiceProcess page, String instance, String pair) {
            Served served;
            try {
                served = serve(page, pair);
            } catch (RuntimeException e) {
                return;
            }
            if (served.status() != 200) {
                return;
            }
            reads.incrementAndGet();
            String key = instance + " " + pair;
            long revision = served.revision();
            Long before = newest.put(key, Math.max(revision, newest.getOrDefault(key, 0L)));
            if (before != null && revision < before) {
                wentBack.add(pair + " on " + instance + " served revision " + revision + " after " + before);
            }
        }
    }
}
