package org.llmreference.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning with a fresh consumer group, to assert the key, headers and
 * payload of what reached it.
 */
public final class TopicProbe implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String topic) {
        this.topic = topic;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until a record matches, or fails after {@code timeout}. */
    public ConsumerRecord<byte[], byte[]> awaitRecord(Predicate<ConsumerRecord<byte[], byte[]>> matching, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> all = collectUntil(records -> records.stream().anyMatch(matching), timeout);
        return all.stream().filter(matching).findFirst().orElseThrow();
    }

    /**
     * Polls until the records seen since the probe started satisfy {@code done} (e.g. hold one record
     * of every expected key), and answers them all; fails after {@code timeout}.
     */
    public List<ConsumerRecord<byte[], byte[]>> collectUntil(Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the records seen did not get there within " + timeout + "; saw " + seen.size()
                        + " record(s)");
            }
            poll();
        }
        return List.copyOf(seen);
    }

    /**
     * Polls until it has read every record the topic holds now (up to its end offsets at the call),
     * and answers every record seen since the probe started; fails after {@code timeout}. For
     * asserting that something was not published once whatever would have published it is done.
     */
    public List<ConsumerRecord<byte[], byte[]>> collectToEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.partitionsFor(topic, timeout).stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList(), timeout);
        while (!readUpTo(ends)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("did not read " + topic + " up to " + ends + " within " + timeout);
            }
            poll();
        }
        return List.copyOf(seen);
    }

    private boolean readUpTo(Map<TopicPartition, Long> ends) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (end.getValue() > 0 && (!assigned.contains(end.getKey()) || consumer.position(end.getKey()) < end.getValue())) {
                return false;
            }
        }
        return true;
    }

    private void poll() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(record);
        }
    }

    public static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
