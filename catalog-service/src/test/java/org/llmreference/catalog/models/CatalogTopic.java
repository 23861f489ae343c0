package org.llmreference.catalog.models;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.CatalogEvent;

/**
 * Reads {@code catalog.models.v1} from the beginning and keeps every event, in topic order per
 * key, so a test can assert what a model's events were, and that none came in between.
 */
final class CatalogTopic implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

    CatalogTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.CATALOG_MODELS));
    }

    /** Polls until the events keyed {@code modelId} satisfy {@code until}; answers them in arrival order. */
    List<Envelope<CatalogEvent>> awaitEvents(String modelId, Predicate<List<Envelope<CatalogEvent>>> until,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Envelope<CatalogEvent>> events = eventsFor(modelId);
            if (until.test(events)) {
                return events;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("events for " + modelId + " did not arrive within " + timeout + "; got revisions "
                        + events.stream().map(Envelope::revision).toList());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
    }

    /** Waits until the model's event with {@code revision} arrived; answers every event of the model so far. */
    List<Envelope<CatalogEvent>> awaitRevision(String modelId, long revision) {
        return awaitEvents(modelId, events -> events.stream().anyMatch(e -> e.revision() == revision), Duration.ofSeconds(30));
    }

    /** The records (with key and headers) of the model so far. */
    List<ConsumerRecord<byte[], byte[]>> recordsFor(String modelId) {
        return records.stream().filter(r -> r.key() != null && modelId.equals(new String(r.key(), StandardCharsets.UTF_8)))
                .toList();
    }

    private List<Envelope<CatalogEvent>> eventsFor(String modelId) {
        return recordsFor(modelId).stream().map(r -> EventCodec.decode(r.value(), CatalogEvent.class)).toList();
    }

    static List<Long> revisions(List<Envelope<CatalogEvent>> events) {
        return events.stream().map(Envelope::revision).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
