package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.llmreference.contracts.Topics;
import org.llmreference.system.Site.Served;
import org.llmreference.testsupport.OutageBroker;
import org.llmreference.testsupport.OutageMongo;

import tools.jackson.databind.JsonNode;

/**
 * A dead letter replayed after the fix, through {@code ./llmref dlq}: page-service keeps its pages
 * in a MongoDB of its own and waits only a second for it when it is away. Restarted just before that
 * MongoDB stops, it must read each pair's previous comparison from it for the pair's first event, so
 * a price change's comparisons fail their attempts and go to
 * {@code comparison.pages.v1.page-service.dlq} with their reason. MongoDB back (the fix) does not
 * bring them back by itself: the pages stay behind until the dead letters are replayed, after a dry
 * run that sends nothing. A second replay is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterReplayIT {

    static final Duration WAIT = Duration.ofSeconds(180);
    static final String MODEL = "gpt-oss-120b";
    static final String PROVIDER = "groq";
    static final String DEAD_LETTERS = Topics.deadLetterTopic(Topics.COMPARISON_PAGES, "page-service");
    /** Below every real price, so the model's pages show the cost of exactly this edit. */
    static final BigDecimal INPUT_PRICE = new BigDecimal("0.00037");

    final Path root = Path.of(System.getProperty("llmref.repository.root", "..")).toAbsolutePath().normalize();
    OutageBroker broker;
    OutageMongo mongo;
    OutageMongo pageMongo;
    Site site;

    @BeforeAll
    void startTheSiteWithPageServiceOnAMongoOfItsOwn() throws Exception {
        broker = OutageBroker.start("llmref-dlq-kafka");
        mongo = OutageMongo.start();
        pageMongo = OutageMongo.start();
        site = Site.start(broker.bootstrapServers(), mongo.connectionString(), Map.of("page-service", Map.of(
                "MONGODB_URI", pageMongo.connectionString(),
                // Give up on an unreachable MongoDB after a second, so the test does not wait four minutes per event.
                "SPRING_APPLICATION_JSON", "{\"llmref\":{\"platform\":{\"storage-outage-wait\":\"1s\",\"mongo-timeout\":\"1s\"}}}")));
        site.importDemo("dead-letter-import.log");
        site.awaitEveryPageServed(WAIT);
        // The import's later comparisons travel for a while after every page exists: let them land first.
        site.awaitSettled(WAIT);
    }

    @AfterAll
    void stopEverything() throws InterruptedException {
        if (site != null) {
            site.close();
        }
        for (OutageMongo server : new OutageMongo[] {pageMongo, mongo}) {
            if (server != null) {
                server.stop();
            }
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void pagesLeftBehindByDeadLettersUpdateOnceTheyAreReplayedAfterTheFix() throws Exception {
        Set<String> pairs = site.pairsOf(MODEL);
        assertThat(pairs).isNotEmpty();
        String pair = pairs.iterator().next();
        String cost = monthlyCost(INPUT_PRICE);
        assertThat(site.serve(pair).body()).as("the page before the edit").doesNotContain(cost);

        // Freshly started, page-service holds no pair's previous comparison in memory: the first event of a
        // pair reads it from MongoDB, and fails while MongoDB is away (a later event would be served and stored behind).
        site.page.stop();
        site.page = site.page.restart("before-outage");
        site.page.awaitReady(WAIT);
        pageMongo.stop();
        assertThat(reprice(INPUT_PRICE).statusCode()).isEqualTo(200);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> deadLetterKeys().contains(pair));
        Dlq listed = dlq("list", DEAD_LETTERS);
        assertThat(listed.code()).as(listed.output()).isZero();
        assertThat(listed.output()).contains("key " + pair + "  comparison.ComparisonChanged.v1 rev ")
                .contains("reason: failed: ").containsIgnoringCase("mongo").contains("not replayed");
        assertThat(Site.metric(site.page, "llmref_events_dead_lettered_total", "topic=\"comparison.pages.v1\"",
                "reason=\"failed\"")).isGreaterThanOrEqualTo(1);

        // The fix: MongoDB is back. Every pair of the model whose event is still in flight reaches its page now.
        pageMongo.restart();
        await().atMost(WAIT).until(() -> site.page.readinessStatus() == 200);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> site.pageApi().get("/compare/" + pair).send().statusCode() == 200);
        Set<String> deadLettered = deadLetterKeys();
        assertThat(deadLettered).contains(pair);
        Served behind = site.serve(pair);
        assertThat(behind.body()).as("a dead-lettered comparison stays off its page until it is replayed").doesNotContain(cost);
        assertThat(behind.revision()).isLessThan(comparisonRevision(pair));

        Dlq dryRun = dlq("replay", DEAD_LETTERS, "--all");
        assertThat(dryRun.code()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("Dry run: ").contains("key " + pair).contains("Nothing was sent");
        assertThat(site.serve(pair).body()).as("a dry run replays nothing").doesNotContain(cost);

        Dlq replay = dlq("replay", DEAD_LETTERS, "--all", "--confirm");
        assertThat(replay.code()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("replayed to comparison.pages.v1-");
        long replayedAt = System.nanoTime();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String key : deadLettered) {
                Served page = site.serve(key);
                assertThat(page.revision()).as("%s at its comparison's revision", key).isEqualTo(comparisonRevision(key));
                if (pairs.contains(key)) {
                    assertThat(page.body()).as("%s shows the replayed edit", key).contains(cost);
                }
            }
        });
        Figures.record("Dead-letter replay: %d comparisons dead-lettered while page-service's MongoDB was away; their pages "
                + "showed the edit %.1f s after ./llmref dlq replay --confirm", deadLettered.size(), (System.nanoTime() - replayedAt) / 1e9);

        Dlq again = dlq("replay", DEAD_LETTERS, "0", "--confirm");
        assertThat(again.code()).as(again.output()).isEqualTo(1);
        assertThat(again.output()).contains("refused");
        assertThat(dlq("list", DEAD_LETTERS).output()).contains(" 0 not replayed");
        site.awaitConsistent();
    }

    /** The keys of the records on page-service's dead-letter topic (replay records included, which share their key). */
    Set<String> deadLetterKeys() {
        Set<String> keys = new TreeSet<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicRecords.readAll(broker.bootstrapServers(), DEAD_LETTERS)) {
            keys.add(new String(record.key(), StandardCharsets.UTF_8));
        }
        return keys;
    }

    long comparisonRevision(String pair) {
        return Site.read(site.comparisonApi(), "/api/comparisons/" + pair).get("revision").asLong();
    }

    HttpResponse<String> reprice(BigDecimal input) {
        JsonNode route = Site.read(site.pricingApi(), "/api/models/" + MODEL + "/routes/" + PROVIDER);
        return site.pricingApi().put("/api/models/" + MODEL + "/routes/" + PROVIDER, Site.repriced(route, input))
                .as(Site.EDITOR_TOKEN).send();
    }

    /** The monthly cost at the default traffic (800M input and 250M output tokens). */
    static String monthlyCost(BigDecimal input) {
        return "$" + input.multiply(BigDecimal.valueOf(800)).add(input.multiply(BigDecimal.valueOf(2)).multiply(BigDecimal.valueOf(250)))
                .setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    record Dlq(int code, String output) {
    }

    /** Runs {@code ./llmref dlq ...} against this test's broker, as ops would on the host. */
    Dlq dlq(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("llmref").toString(), "dlq"));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("llmref-dlq", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LLMREF_KAFKA_PORT", broker.bootstrapServers().substring(broker.bootstrapServers().lastIndexOf(':') + 1));
        builder.environment().put("LLMREF_BUILD", "never");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("./llmref dlq %s finishes", List.of(arguments)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        System.out.println("./llmref dlq " + String.join(" ", arguments) + " (exit " + process.exitValue() + "):\n" + output);
        return new Dlq(process.exitValue(), output);
    }
}
