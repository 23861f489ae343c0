package org.llmreference.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.page.DemoComparisons.changed;
import static org.llmreference.page.DemoComparisons.compare;
import static org.llmreference.page.DemoComparisons.repriced;
import static org.llmreference.page.DemoComparisons.side;
import static org.llmreference.page.DemoComparisons.uniqueTag;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.page.comparisons.Comparisons;
import org.llmreference.page.pages.Pages;
import org.llmreference.page.pages.IndexedPage;
import org.llmreference.page.rendering.PageChange;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TopicProbe;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * How events become stored pages: revision order wins over delivery order, the "what changed" list,
 * unchanged content, the propagation timer, and events that cannot be a page.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RegeneratingPagesTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Pages pages;

    @Autowired
    Comparisons comparisons;

    @Test
    void anOlderOrRepeatedEventNeverOverwritesANewerPage(TestInfrastructure infrastructure) {
        String tag = uniqueTag();
        Side a = side("gpt-oss-20b", tag);
        Side b = side("gpt-oss-120b", tag);
        Envelope<ComparisonChanged> third = changed(compare(repriced(a, "3"), b), 3, List.of("pricing", "monthlyCost"));
        Envelope<ComparisonChanged> second = changed(compare(repriced(a, "2"), b), 2, List.of("pricing", "monthlyCost"));
        String pairId = third.aggregateId();

        send(infrastructure, third);
        await().atMost(WAIT).until(() -> visitor().revisionOf("/compare/" + pairId) == 3);
        byte[] page = visitor().get("/compare/" + pairId).body();
        double staleBefore = staleCount();

        send(infrastructure, second, third);
        await().atMost(WAIT).until(() -> staleCount() >= staleBefore + 2);

        assertThat(visitor().revisionOf("/compare/" + pairId)).isEqualTo(3);
        assertThat(visitor().get("/compare/" + pairId).body()).isEqualTo(page);
        assertThat(pages.find(pairId).orElseThrow().page().revision()).isEqualTo(3);
        assertThat(comparisons.find(pairId).orElseThrow().revision()).isEqualTo(3);
        assertThat(comparisons.find(pairId).orElseThrow().comparison()).isEqualTo(third.payload().comparison());
    }

    @Test
    void listsWhatChangedNewestFirst(TestInfrastructure infrastructure) {
        String tag = uniqueTag();
        Side a = side("claude-sonnet-4-5", tag);
        Side b = side("claude-haiku-4-5", tag);
        Envelope<ComparisonChanged> first = changed(compare(a, b), 1, List.of());
        Envelope<ComparisonChanged> repriced = changed(compare(repriced(a, "2"), b), 2, List.of("pricing", "monthlyCost"));
        Envelope<ComparisonChanged> cheaper = changed(compare(repriced(a, "0.5"), b), 3, List.of("verdict", "scorecard"));
        String pairId = first.aggregateId();

        send(infrastructure, first, repriced, cheaper);
        await().atMost(WAIT).until(() -> visitor().revisionOf("/compare/" + pairId) == 3);

        IndexedPage page = pages.find(pairId).orElseThrow().page();
        assertThat(page.changes()).extracting(PageChange::revision).containsExactly(3L, 2L, 1L);
        assertThat(page.changes()).extracting(PageChange::sections)
                .containsExactly(List.of("verdict", "scorecard"), List.of("pricing", "monthlyCost"), List.of());
        assertThat(page.changes().get(0).occurredAt()).isEqualTo(cheaper.occurredAt());
        String html = visitor().text("/compare/" + pairId);
        String box = html.substring(html.indexOf("id=\"what-changed\""));
        assertThat(box).containsSubsequence("Verdict, Decision scorecard", "Monthly cost, Pricing and availability",
                "First published");
    }

    @Test
    void recordsPropagationFromTheEditToTheServedPageTaggedWithTheEventType(TestInfrastructure infrastructure) {
        String tag = uniqueTag();
        Comparison comparison = compare(side("o3-mini", tag), side("gpt-4.1-mini", tag));
        long before = propagationCount("comparison.ComparisonChanged.v1");
        Envelope<ComparisonChanged> event = Envelope.startingChain(
                new ComparisonChanged(comparison, "sha256:p", List.of()), comparison.pairId(), 1,
                Instant.now().minusMillis(250));

        send(infrastructure, event);
        await().atMost(WAIT).until(() -> visitor().revisionOf("/compare/" + comparison.pairId()) == 1);

        await().atMost(WAIT).until(() -> propagationCount("comparison.ComparisonChanged.v1") > before);
        Timer timer = meters.find("llmref.propagation").tag("source", "comparison.ComparisonChanged.v1").timer();
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(250);
        assertThat(timer.takeSnapshot().percentileValues()).extracting(ValueAtPercentile::percentile)
                .containsExactly(0.5, 0.95, 0.99);
        String prometheus = visitor().text("/actuator/prometheus");
        assertThat(prometheus).as("a histogram Prometheus can take quantiles of")
                .contains("llmref_propagation_seconds_bucket{").contains("source=\"comparison.ComparisonChanged.v1\"")
                .contains("llmref_pages_regenerated_total");
        assertThat(prometheus).as("the time of handling each event, from its observation")
                .contains("llmref_event_handle_seconds_count{").contains("type=\"comparison.ComparisonChanged.v1\"")
                .contains("outcome=\"applied\"");
    }

    @Test
    void aNewRevisionWithTheSameContentKeepsThePageAsItWas(TestInfrastructure infrastructure) {
        String tag = uniqueTag();
        Comparison comparison = compare(side("gemini-2.5-flash", tag), side("deepseek-v3.2", tag));
        double unchangedBefore = meters.counter("llmref.pages.unchanged").count();
        send(infrastructure, changed(comparison, 1, List.of()));
        await().atMost(WAIT).until(() -> visitor().revisionOf("/compare/" + comparison.pairId()) == 1);
        byte[] page = visitor().get("/compare/" + comparison.pairId()).body();

        send(infrastructure, changed(comparison, 2, List.of()));
        await().atMost(WAIT).until(() -> pages.find(comparison.pairId()).orElseThrow().page().revision() == 2);

        assertThat(meters.counter("llmref.pages.unchanged").count()).isEqualTo(unchangedBefore + 1);
        assertThat(visitor().get("/compare/" + comparison.pairId()).body()).isEqualTo(page);
        assertThat(pages.find(comparison.pairId()).orElseThrow().page().changes()).hasSize(1);
    }

    @Test
    void anEventKeyedByThePairInTheWrongOrderGoesToTheDeadLetterTopic(TestInfrastructure infrastructure) {
        String tag = uniqueTag();
        Comparison comparison = compare(side("llama-3.3-70b", tag), side("mistral-large", tag));
        String reversed = comparison.modelB().id() + "-vs-" + comparison.modelA().id();
        Envelope<ComparisonChanged> misaddressed = Envelope.startingChain(
                new ComparisonChanged(comparison, "sha256:x", List.of()), reversed, 1, Instant.now());

        try (TopicProbe deadLetters = new TopicProbe(infrastructure.kafkaBootstrapServers(),
                Topics.deadLetterTopic(Topics.COMPARISON_PAGES, "page-service"))) {
            send(infrastructure, misaddressed);
            deadLetters.awaitRecord(record -> new String(record.value(), StandardCharsets.UTF_8)
                    .contains(misaddressed.eventId().toString()), WAIT);
        }
        assertThat(pages.find(reversed)).isEmpty();
        assertThat(visitor().get("/compare/" + comparison.pairId()).statusCode()).isEqualTo(404);
    }

    private double staleCount() {
        return meters.counter("llmref.events.consumed", "topic", Topics.COMPARISON_PAGES, "outcome", "stale").count();
    }

    private long propagationCount(String source) {
        Timer timer = meters.find("llmref.propagation").tag("source", source).timer();
        return timer == null ? 0 : timer.count();
    }

    private static void send(TestInfrastructure infrastructure, Envelope<?>... events) {
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            for (Envelope<?> event : events) {
                sender.send(event);
            }
        }
    }

    private Visitor visitor() {
        return new Visitor(environment.getProperty("local.server.port"));
    }
}
