package org.llmreference.comparison.comparisons;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.comparison.ComparisonEvent;
import org.llmreference.contracts.Envelope;
import org.llmreference.platform.outbox.DirectPublisher;

/**
 * {@code comparison.pages.v1} as one partition in memory, for a comparison set of a test's own: what the
 * set publishes is appended (unless the broker is {@linkplain #unreachable unreachable}, when a send
 * fails), and a reader reads back what was appended, from any offset.
 */
final class ComparisonTopicStandIn {

    private static final String TOPIC = Topics.COMPARISON_PAGES;
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    final AtomicBoolean unreachable = new AtomicBoolean();
    /** Sends refused while unreachable. */
    final AtomicInteger refused = new AtomicInteger();

    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer()) {
        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            if (unreachable.get()) {
                refused.incrementAndGet();
                throw new TimeoutException("Topic " + record.topic() + " not present in metadata after 5000 ms.");
            }
            return super.send(record, callback);
        }
    };

    DirectPublisher publisher() {
        return new DirectPublisher(producer, Duration.ofSeconds(5));
    }

    PublishedState.TopicReaders readers() {
        return () -> {
            List<ProducerRecord<byte[], byte[]>> appended = producer.history();
            MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
            consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            consumer.updateEndOffsets(Map.of(PARTITION, (long) appended.size()));
            consumer.schedulePollTask(() -> {
                for (int offset = 0; offset < appended.size(); offset++) {
                    ProducerRecord<byte[], byte[]> record = appended.get(offset);
                    consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, record.key(), record.value()));
                }
            });
            return consumer;
        };
    }

    /** Every event appended so far, in order. */
    List<Envelope<ComparisonEvent>> events() {
        return producer.history().stream().map(record -> EventCodec.decode(record.value(), ComparisonEvent.class))
                .toList();
    }
}
