package org.llmreference.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.testsupport.Fixtures.aRoute;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.comparison.sources.SourceProjections;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.ServiceConventions;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ComparisonServiceTest extends ServiceConventions {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    SourceProjections projections;

    @Override
    protected String expectedDatabase() {
        return "comparison";
    }

    @Override
    protected List<String> consumedTopics() {
        return List.of(Topics.CATALOG_MODELS, Topics.PRICING_ROUTES);
    }

    @Test
    void projectsModelsAndPriceListsWithExactDecimalPrices(TestInfrastructure infrastructure) {
        String id = "comparison-test-" + System.nanoTime();
        RouteSnapshot route = aRoute("openrouter").named("OpenRouter").priced("0.03", "0.140").withContextWindow(131_072)
                .sourcedAt("https://openrouter.ai", "2026-05-22").build();
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(Envelope.startingChain(new ModelChanged(Models.aModel(id), List.of()), id, 1, Instant.now()));
            sender.send(Envelope.startingChain(new RouteChanged(id, "openrouter", List.of(route), List.of("outputPricePerMTok")),
                    id, 7, Instant.now()));

            await().atMost(WAIT).until(() -> projections.model(id).isPresent() && projections.priceList(id).isPresent());
        }

        assertThat(projections.model(id).orElseThrow().model()).isEqualTo(Models.aModel(id));
        assertThat(projections.priceList(id).orElseThrow().revision()).isEqualTo(7);
        assertThat(projections.priceList(id).orElseThrow().routes()).containsExactly(route);
    }
}
