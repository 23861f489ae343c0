package org.llmreference.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelRetired;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.pricing.models.KnownModel;
import org.llmreference.pricing.models.KnownModels;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.ServiceConventions;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TopicProbe;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PricingServiceTest extends ServiceConventions {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    KnownModels knownModels;

    @Override
    protected String expectedDatabase() {
        return "pricing";
    }

    @Override
    protected List<String> consumedTopics() {
        return List.of(Topics.CATALOG_MODELS);
    }

    @Test
    void learnsModelsFromTheCatalogTopicAndKnowsWhenOneIsRetired(TestInfrastructure infrastructure) {
        String id = "pricing-test-" + System.nanoTime();
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(Envelope.startingChain(new ModelChanged(Models.aModel(id), List.of()), id, 1, Instant.now()));
            await().atMost(WAIT).until(() -> knownModels.find(id).isPresent());
            assertThat(knownModels.find(id).orElseThrow().acceptsRoutes()).isTrue();

            sender.send(Envelope.startingChain(new ModelRetired(Models.withStatus(Models.aModel(id), ModelStatus.RETIRED),
                    List.of("status")), id, 2, Instant.now()));

            await().atMost(WAIT).untilAsserted(() -> {
                KnownModel known = knownModels.find(id).orElseThrow();
                assertThat(known.revision()).isEqualTo(2);
                assertThat(known.acceptsRoutes()).isFalse();
            });
        }
    }

    @Test
    void skipsAnOlderRevisionDeliveredLate(TestInfrastructure infrastructure) {
        String id = "late-" + System.nanoTime();
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(Envelope.startingChain(new ModelRetired(Models.withStatus(Models.aModel(id), ModelStatus.RETIRED),
                    List.of("status")), id, 4, Instant.now()));
            await().atMost(WAIT).until(() -> knownModels.find(id).isPresent());

            sender.send(Envelope.startingChain(new ModelChanged(Models.aModel(id), List.of()), id, 3, Instant.now()));
            String marker = id + "-marker";
            sender.send(Envelope.startingChain(new ModelChanged(Models.aModel(marker), List.of()), marker, 1, Instant.now()));
            await().atMost(WAIT).until(() -> knownModels.find(marker).isPresent());
        }

        KnownModel known = knownModels.find(id).orElseThrow();
        assertThat(known.revision()).isEqualTo(4);
        assertThat(known.status()).isEqualTo(ModelStatus.RETIRED);
    }

    @Test
    void sendsAnUnreadableRecordToItsDeadLetterTopicAndKeepsConsuming(TestInfrastructure infrastructure) {
        String id = "poison-" + System.nanoTime();
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers());
                TopicProbe deadLetters = new TopicProbe(infrastructure.kafkaBootstrapServers(),
                        Topics.deadLetterTopic(Topics.CATALOG_MODELS, "pricing-service"))) {
            sender.send(Topics.CATALOG_MODELS, id, "catalog.ModelChanged.v1",
                    "{\"type\":\"catalog.ModelChanged.v1\",\"schemaVersion\":99}".getBytes(StandardCharsets.UTF_8));
            sender.send(Envelope.startingChain(new ModelChanged(Models.aModel(id), List.of()), id, 1, Instant.now()));

            ConsumerRecord<byte[], byte[]> dead = deadLetters.awaitRecord(r -> id.equals(TopicProbe.key(r)), WAIT);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains("\"schemaVersion\":99");
            await().atMost(WAIT).until(() -> knownModels.find(id).isPresent());
        }
    }
}
