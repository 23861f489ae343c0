package org.llmreference.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.PendingEvent;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TopicProbe;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import org.apache.kafka.clients.consumer.ConsumerRecord;

@WithInfrastructure
@SpringBootTest(classes = RelayTestApplication.class)
@ExtendWith(OutputCaptureExtension.class)
class OutboxRelayTest {

    @Autowired
    MongoDatabase database;

    @Autowired
    OutboxRelay relay;

    MongoCollection<Document> things;

    @BeforeEach
    void emptyCollection() {
        things = database.getCollection(RelayTestApplication.COLLECTION);
        things.deleteMany(new Document());
    }

    @Test
    void publishesPendingEventsInOrderWithKeyAndHeadersThenClearsThem(TestInfrastructure infrastructure,
            CapturedOutput output) {
        String id = "relay-" + System.nanoTime();
        Envelope<ModelChanged> first = Envelope.startingChain(new ModelChanged(Models.aModel(id), List.of("name")), id, 1, Instant.now());
        Envelope<ModelChanged> second = Envelope.of(new ModelChanged(Models.aModel(id), List.of("vendor")), id, 2,
                Instant.now(), first.causedBy());
        storeChangeWithPendingEvent(id, first);
        storeChangeWithPendingEvent(id, second);

        relay.wake(id);

        try (TopicProbe probe = new TopicProbe(infrastructure.kafkaBootstrapServers(), Topics.CATALOG_MODELS)) {
            ConsumerRecord<byte[], byte[]> record = probe.awaitRecord(
                    r -> second.eventId().toString().equals(TopicProbe.header(r, EventHeaders.EVENT_ID)), Duration.ofSeconds(20));
            assertThat(TopicProbe.key(record)).isEqualTo(id);
            assertThat(TopicProbe.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("catalog.ModelChanged.v1");
            assertThat(TopicProbe.header(record, EventHeaders.CAUSED_BY)).isEqualTo(first.causedBy());
            assertThat(EventCodec.decode(record.value())).isEqualTo(second);
            ConsumerRecord<byte[], byte[]> earlier = probe.awaitRecord(
                    r -> first.eventId().toString().equals(TopicProbe.header(r, EventHeaders.EVENT_ID)), Duration.ofSeconds(5));
            assertThat(earlier.partition()).isEqualTo(record.partition());
            assertThat(earlier.offset()).isLessThan(record.offset());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(things.find(Filters.eq("_id", id)).first().getList(PendingEvent.FIELD, Document.class)).isEmpty());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output)
                .as("each relayed event is logged with the edit it belongs to")
                .contains("published catalog.ModelChanged.v1 " + id + " event " + second.eventId() + " to catalog.models.v1 causedBy="
                        + first.causedBy()));
    }

    @Test
    void aSweepPublishesEventsLeftBehindByAWriterThatNeverWokeTheRelay(TestInfrastructure infrastructure) {
        String id = "left-behind-" + System.nanoTime();
        Envelope<ModelChanged> event = Envelope.startingChain(new ModelChanged(Models.aModel(id), List.of()), id, 1, Instant.now());
        storeChangeWithPendingEvent(id, event);

        relay.wake();

        try (TopicProbe probe = new TopicProbe(infrastructure.kafkaBootstrapServers(), Topics.CATALOG_MODELS)) {
            ConsumerRecord<byte[], byte[]> record = probe.awaitRecord(
                    r -> event.eventId().toString().equals(TopicProbe.header(r, EventHeaders.EVENT_ID)), Duration.ofSeconds(20));
            assertThat(TopicProbe.key(record)).isEqualTo(id);
        }
    }

    private void storeChangeWithPendingEvent(String id, Envelope<?> event) {
        things.updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("revision", event.revision()),
                        Updates.push(PendingEvent.FIELD, PendingEvent.of(event, Instant.now()).toDocument())),
                new UpdateOptions().upsert(true));
    }
}
