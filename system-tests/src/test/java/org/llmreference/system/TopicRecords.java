package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import tools.jackson.databind.JsonNode;

/** Every record on a topic, read from the start to its current end without joining a consumer group. */
final class TopicRecords {

    /** Reading a whole topic on a loaded 2-core machine. */
    static final Duration DEADLINE = Duration.ofMinutes(3);

    private TopicRecords() {
    }

    /** The records in partition, then offset order; fails when they cannot be read within {@link #DEADLINE}. */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                assertThat(System.nanoTime()).as("read %s within %s", topic, DEADLINE).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(Comparator.comparingInt((ConsumerRecord<byte[], byte[]> record) -> record.partition())
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    /**
     * Per key among {@code keys}: the revisions on the topic are 1, 2, 3… in order with none missing, and
     * each revision is one event. A record appended again (the same event id, as a producer retrying
     * across the broker's restart can append it) is a redelivery that consumers skip by revision: it is
     * counted (and answered), not an error; a second, different event with a revision already seen is.
     */
    static int assertRevisionsGaplessAndUnique(List<ConsumerRecord<byte[], byte[]>> records, String topic,
            Set<String> keys) {
        Map<String, List<Long>> revisions = new TreeMap<>();
        Map<String, Map<Long, String>> eventIds = new TreeMap<>();
        int redelivered = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            JsonNode event = readable(record.value());
            if (keys.contains(key) && event != null && event.get("schemaVersion").asInt() == 1) {
                long revision = event.get("revision").asLong();
                String eventId = event.get("eventId").asText();
                String first = eventIds.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(revision, eventId);
                if (first == null) {
                    revisions.computeIfAbsent(key, k -> new ArrayList<>()).add(revision);
                } else {
                    assertThat(eventId).as("revision %d of %s on %s is one event", revision, key, topic).isEqualTo(first);
                    redelivered++;
                }
            }
        }
        assertThat(revisions.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        revisions.forEach((key, seen) -> {
            List<Long> expected = new ArrayList<>();
            for (long revision = seen.get(0); revision <= Collections.max(seen); revision++) {
                expected.add(revision);
            }
            assertThat(seen).as("revisions of %s on %s, in order", key, topic).containsExactlyElementsOf(expected);
        });
        return redelivered;
    }

    /** The event, or null for the poison records the first test sent. */
    private static JsonNode readable(byte[] value) {
        try {
            return Site.JSON.readTree(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
