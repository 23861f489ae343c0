package org.llmreference.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.PendingEvent;
import org.llmreference.testsupport.OutageBroker;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.TopicProbe;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * An event stored while Kafka is down stays in its document and is published once Kafka is back:
 * an accepted edit is never lost. Uses a broker of its own, stopped and restarted on the same port
 * and data folder.
 */
@WithInfrastructure
@SpringBootTest(classes = RelayTestApplication.class, properties = "llmref.platform.outbox-retry-delay=200ms")
@DirtiesContext
class OutboxRelayBrokerOutageTest {

    static final OutageBroker broker = OutageBroker.start("llmref-outage-broker");


    @DynamicPropertySource
    static void privateBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", broker::bootstrapServers);
    }

    @Autowired
    MongoDatabase database;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MeterRegistry meters;

    @Test
    void keepsAnEventStoredWhileKafkaIsDownAndPublishesItWhenKafkaReturns() {
        String id = "outage-" + System.nanoTime();
        Envelope<ModelChanged> event = Envelope.startingChain(new ModelChanged(Models.aModel(id), List.of("name")), id, 1,
                Instant.now());
        double failuresBefore = meters.counter("llmref.outbox.failures").count();
        broker.stop();

        database.getCollection(RelayTestApplication.COLLECTION).updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("revision", 1L),
                        Updates.push(PendingEvent.FIELD, PendingEvent.of(event, Instant.now()).toDocument())),
                new UpdateOptions().upsert(true));
        relay.wake(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> meters.counter("llmref.outbox.failures").count() > failuresBefore);
        assertThat(pending(id)).hasSize(1);

        broker.restart();
        try (TopicProbe probe = new TopicProbe(broker.bootstrapServers(), Topics.CATALOG_MODELS)) {
            ConsumerRecord<byte[], byte[]> record = probe.awaitRecord(
                    r -> event.eventId().toString().equals(TopicProbe.header(r, EventHeaders.EVENT_ID)), Duration.ofSeconds(60));
            assertThat(TopicProbe.key(record)).isEqualTo(id);
            assertThat(EventCodec.decode(record.value())).isEqualTo(event);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(id).isEmpty());
    }

    private List<Document> pending(String id) {
        return database.getCollection(RelayTestApplication.COLLECTION).find(Filters.eq("_id", id)).first()
                .getList(PendingEvent.FIELD, Document.class);
    }
}
