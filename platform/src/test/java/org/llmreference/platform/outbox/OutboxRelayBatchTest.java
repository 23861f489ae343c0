package org.llmreference.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The relay's batches, against a real MongoDB-wire server and a producer whose acknowledgements the
 * test gives or refuses: nothing is cleared before Kafka acknowledged it, an aggregate's events keep
 * their order with never two of them in flight, and a failure leaves exactly the unacknowledged events
 * pending.
 */
@WithInfrastructure
class OutboxRelayBatchTest {

    private MongoClient client;
    private MongoCollection<Document> things;

    @BeforeEach
    void connect(TestInfrastructure infrastructure) {
        client = MongoClients.create(infrastructure.mongoUri());
        things = client.getDatabase("outbox-batch-test").getCollection("things-" + System.nanoTime());
    }

    @AfterEach
    void disconnect() {
        things.drop();
        client.close();
    }

    @Test
    void eventsHandedOverLeaveInBatchesInTheirOrderAndAreClearedOnceAcknowledged() {
        MockProducer<byte[], byte[]> producer = producer(true);
        OutboxRelay relay = relay(producer);
        int aggregates = OutboxRelay.BATCH * 2 + 50;
        List<PendingEvent> stored = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            String id = "thing-" + i;
            stored.add(store(id, 1));
            if (i % 100 == 0) {
                stored.add(store(id, 2));
            }
        }
        for (PendingEvent event : stored) {
            relay.handOver(event.key(), List.of(event));
        }

        relay.relayWoken();

        assertThat(things.countDocuments(Filters.exists(PendingEvent.FIELD + ".0"))).isZero();
        List<String> sent = producer.history().stream().map(OutboxRelayBatchTest::eventId).toList();
        assertThat(sent).containsExactlyInAnyOrderElementsOf(stored.stream().map(PendingEvent::eventId).toList());
        for (int i = 0; i < aggregates; i += 100) {
            String id = "thing-" + i;
            List<String> ofAggregate = stored.stream().filter(event -> event.key().equals(id)).map(PendingEvent::eventId).toList();
            assertThat(sent.stream().filter(ofAggregate::contains).toList()).as("events of %s in order", id)
                    .containsExactlyElementsOf(ofAggregate);
        }
    }

    @Test
    void aSweepPublishesEveryPendingEventOnceAPageOfAggregatesAtATime() {
        MockProducer<byte[], byte[]> producer = producer(true);
        OutboxRelay relay = relay(producer);
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < OutboxRelay.BATCH * 2 + 7; i++) {
            stored.add(store(String.format("thing-%04d", i), 1).eventId());
        }

        assertThat(relay.relayPending()).isEqualTo(stored.size());

        assertThat(producer.history().stream().map(OutboxRelayBatchTest::eventId).toList())
                .containsExactlyInAnyOrderElementsOf(stored);
        assertThat(things.countDocuments(Filters.exists(PendingEvent.FIELD + ".0"))).isZero();
    }

    @Test
    void aSweepTakesTheEventsHandedOverSoTheyAreNotPublishedTwice() {
        MockProducer<byte[], byte[]> producer = producer(true);
        OutboxRelay relay = relay(producer);
        PendingEvent event = store("a", 1);
        relay.handOver(event.key(), List.of(event));

        assertThat(relay.relayPending()).isEqualTo(1);
        relay.relayWoken();

        assertThat(producer.history()).hasSize(1);
        assertThat(pendingIds("a")).isEmpty();
    }

    @Test
    void anAggregatesNextEventGoesToTheProducerOnlyOnceKafkaAcknowledgedTheOneBefore() {
        MockProducer<byte[], byte[]> producer = producer(false);
        OutboxRelay relay = relay(producer);
        PendingEvent first = store("a", 1);
        PendingEvent second = store("a", 2);
        PendingEvent other = store("b", 1);

        CompletableFuture<Integer> round = CompletableFuture.supplyAsync(relay::relayPending);
        awaitSent(producer, 2);
        assertThat(sentIds(producer)).containsExactly(first.eventId(), other.eventId());
        producer.completeNext();
        producer.completeNext();
        awaitSent(producer, 3);
        assertThat(sentIds(producer).get(2)).isEqualTo(second.eventId());
        producer.completeNext();

        assertThat(round.join()).isEqualTo(3);
        assertThat(pendingIds("a")).isEmpty();
        assertThat(pendingIds("b")).isEmpty();
    }

    @Test
    void aRefusedAcknowledgementLeavesThatEventAndTheOnesAfterItPendingAndClearsTheRest() {
        MockProducer<byte[], byte[]> producer = producer(false);
        OutboxRelay relay = relay(producer);
        PendingEvent first = store("a", 1);
        PendingEvent second = store("a", 2);
        PendingEvent third = store("a", 3);
        PendingEvent other = store("b", 1);
        PendingEvent otherSecond = store("b", 2);

        CompletableFuture<Integer> round = CompletableFuture.supplyAsync(relay::relayPending);
        awaitSent(producer, 2);
        producer.completeNext();
        producer.completeNext();
        awaitSent(producer, 4);
        producer.errorNext(new IllegalStateException("broker gone"));
        producer.completeNext();

        assertThatThrownBy(round::join).hasCauseInstanceOf(OutboxRelayException.class)
                .hasMessageContaining(second.eventId());
        assertThat(sentIds(producer)).as("nothing after a refused event is sent in that round")
                .containsExactly(first.eventId(), other.eventId(), second.eventId(), otherSecond.eventId());
        assertThat(pendingIds("a")).containsExactly(second.eventId(), third.eventId());
        assertThat(pendingIds("b")).isEmpty();
    }

    private static List<String> sentIds(MockProducer<byte[], byte[]> producer) {
        return producer.history().stream().map(OutboxRelayBatchTest::eventId).toList();
    }

    /** A producer that acknowledges every send at once ({@code autoComplete}), or when the test says. */
    private static MockProducer<byte[], byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void awaitSent(MockProducer<byte[], byte[]> producer, int records) {
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == records);
    }

    private OutboxRelay relay(MockProducer<byte[], byte[]> producer) {
        return new OutboxRelay(things, producer, Duration.ofMinutes(10),
                Duration.ofMillis(100), Duration.ofSeconds(5), new SimpleMeterRegistry());
    }

    private PendingEvent store(String id, long revision) {
        Envelope<ModelChanged> envelope = Envelope.startingChain(new ModelChanged(Models.aModel(id), List.of("name")),
                id, revision, Instant.now());
        PendingEvent event = PendingEvent.of(envelope, Instant.now());
        things.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("revision", revision),
                Updates.push(PendingEvent.FIELD, event.toDocument())), new UpdateOptions().upsert(true));
        return event;
    }

    private List<String> pendingIds(String id) {
        return things.find(Filters.eq("_id", id)).first().getList(PendingEvent.FIELD, Document.class).stream()
                .map(document -> document.getString("eventId")).toList();
    }

    private static String eventId(ProducerRecord<byte[], byte[]> record) {
        return new String(record.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8);
    }
}
