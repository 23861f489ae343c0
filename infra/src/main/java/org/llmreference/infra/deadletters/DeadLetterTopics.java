package org.llmreference.infra.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.llmreference.contracts.Topics;

/**
 * Reads the dead-letter topics and sends dead letters back to their source topics, with a plain
 * Kafka client: it joins no consumer group and needs none of the services.
 *
 * <p>A replay is recorded on the dead-letter topic itself, as a record carrying the header
 * {@value #REPLAY_OF} (the replayed offset), so whoever lists the topic next, from any machine,
 * sees it and a second replay of the same record is refused. Such records expire with the dead
 * letters (the topic's retention).
 */
final class DeadLetterTopics implements AutoCloseable {

    /** On a replay record: the offset of the dead letter it replayed. */
    static final String REPLAY_OF = "llmref-replay-of";
    /** On a replayed event: the dead letter it came from, {@code <dead-letter topic>@<offset>}. */
    static final String REPLAYED_FROM = "llmref-replayed-from";

    // Written by the Spring Cloud Stream Kafka binder on every dead letter.
    static final String ORIGINAL_TOPIC = "x-original-topic";
    static final String ORIGINAL_PARTITION = "x-original-partition";
    static final String ORIGINAL_OFFSET = "x-original-offset";
    static final String EXCEPTION_MESSAGE = "x-exception-message";
    static final String EXCEPTION_STACKTRACE = "x-exception-stacktrace";
    static final String UNREADABLE_EVENT = "org.llmreference.contracts.UnreadableEvent";

    private final String bootstrapServers;
    private final Duration timeout;
    private KafkaProducer<byte[], byte[]> producer;

    DeadLetterTopics(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /** Every dead-letter topic of the system, one per consumer group and topic it reads. */
    static List<String> names() {
        return Topics.SUBSCRIPTIONS.stream().map(Topics.Subscription::deadLetterTopic).toList();
    }

    /** The dead letters on {@code topic}, oldest first, each with its replay if one was recorded. */
    List<DeadLetter> read(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = readAll(topic);
        Map<Long, DeadLetter.Replay> replays = new LinkedHashMap<>();
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String replayOf = text(record.headers().lastHeader(REPLAY_OF));
            if (replayOf != null && replayOf.matches("\\d{1,18}")) {
                replays.putIfAbsent(Long.parseLong(replayOf), new DeadLetter.Replay(Instant.ofEpochMilli(record.timestamp()),
                        record.value() == null ? "?" : new String(record.value(), StandardCharsets.UTF_8)));
            } else {
                letters.add(deadLetter(topic, record));
            }
        }
        return letters.stream().map(letter -> replays.containsKey(letter.offset()) ? letter.replayed(replays.get(letter.offset())) : letter)
                .toList();
    }

    /**
     * Sends the dead letter to its source topic (same key, value and event headers, in its original
     * partition when known), then records the replay on the dead-letter topic; returns where it went.
     */
    String replay(DeadLetter letter) {
        ProducerRecord<byte[], byte[]> event = new ProducerRecord<>(letter.sourceTopic(),
                letter.sourcePartition() >= 0 ? letter.sourcePartition() : null, letter.key(), letter.value());
        letter.eventHeaders().forEach(header -> event.headers().add(header.getKey(), header.getValue()));
        event.headers().add(REPLAYED_FROM, (letter.topic() + "@" + letter.offset()).getBytes(StandardCharsets.UTF_8));
        RecordMetadata sent = send(event);
        String to = sent.topic() + "-" + sent.partition() + "@" + sent.offset();
        ProducerRecord<byte[], byte[]> mark = new ProducerRecord<>(letter.topic(), letter.key(), to.getBytes(StandardCharsets.UTF_8));
        mark.headers().add(REPLAY_OF, Long.toString(letter.offset()).getBytes(StandardCharsets.UTF_8));
        send(mark);
        return to;
    }

    private RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer().send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable("interrupted while sending to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailable("Kafka (" + bootstrapServers + ") did not take the record for " + record.topic()
                    + " within " + timeout.toSeconds() + " s: " + e.getMessage(), e);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 10_000));
            producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                return records;
            }
            List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaUnavailable("could not read " + topic + " to its end within " + timeout.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) { // the client's own, not java.util.concurrent's
            throw new KafkaUnavailable("Kafka (" + bootstrapServers + ") did not answer within " + timeout.toSeconds()
                    + " s when asked for " + topic + "; is the stack running?", e);
        }
        records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return records;
    }

    private static DeadLetter deadLetter(String topic, ConsumerRecord<byte[], byte[]> record) {
        List<Map.Entry<String, byte[]>> eventHeaders = new ArrayList<>();
        for (Header header : record.headers()) {
            // The binder's own headers say why and whence; the rest belongs to the event and travels with a replay.
            if (!header.key().startsWith("x-") && !header.key().startsWith("kafka_dlt-") && !header.key().equals(REPLAYED_FROM)) {
                eventHeaders.add(Map.entry(header.key(), header.value()));
            }
        }
        String stackTrace = text(record.headers().lastHeader(EXCEPTION_STACKTRACE));
        String sourceTopic = text(record.headers().lastHeader(ORIGINAL_TOPIC));
        return new DeadLetter(topic, record.offset(), Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(),
                sourceTopic != null ? sourceTopic : sourceOf(topic), (int) number(record.headers().lastHeader(ORIGINAL_PARTITION)),
                number(record.headers().lastHeader(ORIGINAL_OFFSET)),
                stackTrace != null && stackTrace.contains(UNREADABLE_EVENT) ? "unreadable" : "failed",
                cause(text(record.headers().lastHeader(EXCEPTION_MESSAGE)), stackTrace), List.copyOf(eventHeaders), stackTrace,
                null);
    }

    /** The source topic named by a dead-letter topic, {@code <topic>.<group>.dlq}. */
    static String sourceOf(String deadLetterTopic) {
        return Topics.SUBSCRIPTIONS.stream().filter(subscription -> subscription.deadLetterTopic().equals(deadLetterTopic))
                .map(Topics.Subscription::topic).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a dead-letter topic: " + deadLetterTopic));
    }

    /** The innermost "Caused by" of the stack trace (what actually went wrong), else the binder's message. */
    static String cause(String message, String stackTrace) {
        String cause = message;
        if (stackTrace != null) {
            for (String line : stackTrace.split("\\R")) {
                if (line.startsWith("Caused by: ")) {
                    cause = line.substring("Caused by: ".length());
                }
            }
        }
        return cause == null ? "(no reason recorded)" : cause.strip();
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The binder writes partition and offset as big-endian binary numbers (4 and 8 bytes). */
    private static long number(Header header) {
        if (header == null || header.value() == null) {
            return -1;
        }
        byte[] value = header.value();
        return switch (value.length) {
            case 4 -> ByteBuffer.wrap(value).getInt();
            case 8 -> ByteBuffer.wrap(value).getLong();
            default -> -1;
        };
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Kafka could not be reached or did not answer in time. */
    static final class KafkaUnavailable extends RuntimeException {
        KafkaUnavailable(String message) {
            super(message);
        }

        KafkaUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
