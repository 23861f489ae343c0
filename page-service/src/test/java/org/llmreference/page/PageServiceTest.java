package org.llmreference.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.contracts.comparison.ComparisonWithdrawn;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.page.comparisons.Comparisons;
import org.llmreference.page.comparisons.StoredComparison;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.ServiceConventions;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PageServiceTest extends ServiceConventions {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Comparisons comparisons;

    @Override
    protected String expectedDatabase() {
        return "page";
    }

    @Override
    protected List<String> consumedTopics() {
        return List.of(Topics.COMPARISON_PAGES, Topics.CATALOG_IMPORTS);
    }

    /** Visitors are served from memory while Kafka or MongoDB is away: readiness checks neither. */
    @Override
    protected List<String> readinessDependencies() {
        return List.of();
    }

    @Test
    void keepsTheLatestComparisonOfAPairAndItsWithdrawal(TestInfrastructure infrastructure) {
        String a = "a" + System.nanoTime();
        String pairId = a + "-vs-b-model";
        Comparison comparison = new Comparison(pairId, new ModelSummary(a, "A", "Vendor", 2025, 131_072, ModelStatus.ACTIVE),
                new ModelSummary("b-model", "B", "Vendor", 2026, null, ModelStatus.ACTIVE), "A vs B", null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
        Envelope<ComparisonChanged> changed = Envelope.startingChain(new ComparisonChanged(comparison, "sha256:1", List.of()),
                pairId, 1, Instant.now());
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(changed);
            await().atMost(WAIT).until(() -> comparisons.find(pairId).isPresent());
            StoredComparison stored = comparisons.find(pairId).orElseThrow();
            assertThat(stored.comparison()).isEqualTo(comparison);
            assertThat(stored.causedBy()).isEqualTo(changed.causedBy());
            assertThat(stored.occurredAt()).isEqualTo(changed.occurredAt());

            sender.send(Envelope.of(new ComparisonWithdrawn(pairId, a, "b-model", "A was retired"), pairId, 2,
                    Instant.now(), changed.causedBy()));

            await().atMost(WAIT).until(() -> !comparisons.find(pairId).orElseThrow().live());
            // the withdrawn pair keeps its last comparison, for the 410 page's link to a successor
            assertThat(comparisons.find(pairId).orElseThrow().comparison()).isEqualTo(comparison);
        }
    }
}
