package org.llmreference.page.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.page.PageSettings;
import org.llmreference.page.audit.ConsistencyReport.Incomplete;
import org.llmreference.page.audit.KafkaBacklog.Backlog;
import org.llmreference.page.audit.KafkaBacklog.Subscription;
import org.llmreference.page.comparisons.ComparisonRevision;
import org.llmreference.page.pages.IndexedPage;
import org.llmreference.page.rendering.ModelLink;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.http.MediaType;

import com.mongodb.MongoTimeoutException;

/**
 * The audit when a part cannot be checked (a 503 problem that keeps what could be checked), and the
 * limits of the Kafka part, against the shared broker and a port where no broker listens.
 */
@WithInfrastructure
class ConsistencyEndpointTest {

    static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    static final PageSettings.Audit SETTINGS = new PageSettings.Audit("page-service", "comparison-service",
            Duration.ofMillis(500), 1000, Duration.ZERO);

    @Test
    void withoutKafkaAnswers503WithAProblemAndThePagesFromMongo() {
        ConsistencyEndpoint endpoint = new ConsistencyEndpoint(
                () -> List.of(new ComparisonRevision("a-vs-b", 2, true, NOW.minusSeconds(42))),
                () -> List.of(page("a-vs-b", 1, true)),
                new KafkaBacklog(nowhere(), SETTINGS.kafkaTimeout(), 1000), SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC),
                "/actuator/consistency");

        long start = System.nanoTime();
        WebEndpointResponse<Object> response = endpoint.check();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the Kafka timeout").isLessThan(Duration.ofSeconds(5));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        Incomplete problem = (Incomplete) response.getBody();
        assertThat(problem.type()).isEqualTo("https://llmreference.org/problems/kafka-unavailable");
        assertThat(problem.title()).isEqualTo("Kafka unavailable");
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.instance()).isEqualTo("/actuator/consistency");
        assertThat(problem.detail()).contains("backlogs").contains("did not answer within 500 ms").contains("Retry");
        assertThat(problem.checkedAt()).isEqualTo(NOW);
        assertThat(problem.comparisonEventsNotApplied()).isNull();
        assertThat(problem.comparisonsBehindSources()).isNull();
        assertThat(problem.pagesBehindComparisons().items()).extracting(PageBehind::pairId, PageBehind::finding)
                .containsExactly(tuple("a-vs-b", "behind"));
        assertThat(problem.pagesBehindComparisons().oldestAgeSeconds()).isEqualByComparingTo("42");
    }

    @Test
    void withoutMongoAnswers503WithTheBacklogsFromKafka(TestInfrastructure infrastructure) {
        ConsistencyEndpoint endpoint = new ConsistencyEndpoint(() -> {
            throw new MongoTimeoutException("Timed out while waiting for a server");
        }, List::<IndexedPage>of, new KafkaBacklog(infrastructure.kafkaBootstrapServers(), Duration.ofSeconds(5), 1000),
                SETTINGS, Clock.systemUTC(), "/actuator/consistency");

        WebEndpointResponse<Object> response = endpoint.check();

        assertThat(response.getStatus()).isEqualTo(503);
        Incomplete problem = (Incomplete) response.getBody();
        assertThat(problem.type()).endsWith("/storage-unavailable");
        assertThat(problem.detail()).contains("pagesBehindComparisons").contains("MongoDB");
        assertThat(problem.pagesBehindComparisons()).isNull();
        assertThat(problem.comparisonEventsNotApplied().group()).isEqualTo("page-service");
        assertThat(problem.comparisonsBehindSources().group()).isEqualTo("comparison-service");
    }

    @Test
    void withNeitherSaysBoth() {
        ConsistencyEndpoint endpoint = new ConsistencyEndpoint(() -> {
            throw new MongoTimeoutException("Timed out while waiting for a server");
        }, List::<IndexedPage>of, new KafkaBacklog(nowhere(), SETTINGS.kafkaTimeout(), 1000), SETTINGS,
                Clock.systemUTC(), "/actuator/consistency");

        Incomplete problem = (Incomplete) endpoint.check().getBody();

        assertThat(problem.type()).endsWith("/audit-unavailable");
        assertThat(problem.title()).isEqualTo("Kafka and MongoDB unavailable");
        assertThat(problem.detail()).contains("backlogs").contains("pagesBehindComparisons");
    }

    @Test
    void listsAtMostMaxItemsAndThenCountsTheOffsets(TestInfrastructure infrastructure) {
        String model = "truncated-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            for (int revision = 1; revision <= 3; revision++) {
                sender.send(Envelope.startingChain(new RouteChanged(model, "openrouter", List.of(), List.of()), model,
                        revision, Instant.now()));
            }
        }
        // A group that never committed: everything on the topic is pending, these three records at least.
        Subscription neverConsumed = new Subscription("never-" + model, List.of(Topics.PRICING_ROUTES));

        Backlog limited = new KafkaBacklog(infrastructure.kafkaBootstrapServers(), Duration.ofSeconds(5), 2)
                .backlogs(List.of(neverConsumed)).get(0);
        Backlog all = new KafkaBacklog(infrastructure.kafkaBootstrapServers(), Duration.ofSeconds(5), 1000)
                .backlogs(List.of(neverConsumed)).get(0);

        assertThat(limited.records()).hasSize(2);
        assertThat(limited.truncated()).isTrue();
        assertThat(limited.count()).isGreaterThanOrEqualTo(3);
        assertThat(all.truncated()).isFalse();
        assertThat(all.count()).isEqualTo(all.records().size());
        assertThat(all.records()).filteredOn(record -> model.equals(record.key()))
                .extracting(KafkaBacklog.PendingRecord::revision).containsExactly(1L, 2L, 3L);
        assertThat(all.records()).filteredOn(record -> model.equals(record.key()))
                .allSatisfy(record -> assertThat(record.eventType()).isEqualTo("pricing.RouteChanged.v1"));
    }

    /** An address where nothing listens. */
    private static String nowhere() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free port", e);
        }
    }

    /** A page of {@code pairId} at {@code revision}, live or gone, as the index holds it. */
    static IndexedPage page(String pairId, long revision, boolean live) {
        String[] sides = pairId.split("-vs-");
        return new IndexedPage(pairId, revision, live, sides[0] + " vs " + sides[1], new ModelLink(sides[0], sides[0], null),
                new ModelLink(sides[1], sides[1], null), NOW, NOW, null, List.of(), live ? null : "withdrawn", "\"" + revision + "-0\"",
                null);
    }
}
