package org.llmreference.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.PendingEvent;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.ServiceConventions;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TopicProbe;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CatalogServiceTest extends ServiceConventions {

    @Autowired
    OutboxRelay modelsOutboxRelay;

    @Override
    protected String expectedDatabase() {
        return "catalog";
    }

    @Override
    protected List<String> consumedTopics() {
        return List.of();
    }

    @Test
    void relaysAPendingModelEventToTheCatalogTopicKeyedByModelId(TestInfrastructure infrastructure) {
        String id = "catalog-test-" + System.nanoTime();
        Envelope<ModelChanged> event = Envelope.startingChain(new ModelChanged(Models.aModel(id), List.of("name")), id,
                1, Instant.now());
        database.getCollection("models").updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("revision", 1L),
                        Updates.push(PendingEvent.FIELD, PendingEvent.of(event, Instant.now()).toDocument())),
                new UpdateOptions().upsert(true));

        modelsOutboxRelay.wake(id);

        try (TopicProbe probe = new TopicProbe(infrastructure.kafkaBootstrapServers(), Topics.CATALOG_MODELS)) {
            ConsumerRecord<byte[], byte[]> record = probe.awaitRecord(
                    r -> event.eventId().toString().equals(TopicProbe.header(r, EventHeaders.EVENT_ID)),
                    Duration.ofSeconds(20));
            assertThat(TopicProbe.key(record)).isEqualTo(id);
            assertThat(EventCodec.decode(record.value())).isEqualTo(event);
        }
    }
}
