package org.llmreference.page.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.llmreference.contracts.EventHeaders;

/**
 * What a consumer group has not consumed yet: for each partition of its topics, the records after
 * the group's committed offset up to the end of the log, counted from the offsets and read (their
 * keys, headers and envelope fields) with a short-lived consumer that belongs to no group, so the
 * audit never moves or joins anyone's group.
 *
 * <p>A partition the group has no committed offset for is pending from the start of its log: every
 * service consumes with {@code auto.offset.reset=earliest}, so that is where the group will begin.
 * A group that does not exist at all is therefore behind by every record of its topics.
 *
 * <p>The count is exact when every pending record was read; when the listing stops at
 * {@code maxItems} records or at the time limit ({@code truncated}), it is the number of offsets
 * between the committed position and the end, which on a compacted topic may include records
 * compaction has since removed. The committed offset trails the records a running consumer has
 * just processed by one batch, so a record being applied right now can show for a moment.
 *
 * <p>Every Kafka call waits at most {@code timeout}; reading the records of one group takes at most
 * that long again. A broker that does not answer raises {@link KafkaUnavailable}.
 */
final class KafkaBacklog {

    private final String bootstrapServers;
    private final Duration timeout;
    private final int maxItems;

    KafkaBacklog(String bootstrapServers, Duration timeout, int maxItems) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.maxItems = maxItems;
    }

    /** A consumer group and the topics it reads. */
    record Subscription(String group, List<String> topics) {
        Subscription {
            topics = List.copyOf(topics);
        }
    }

    /**
     * What {@code subscription}'s group has not consumed yet.
     *
     * @param count     how many records are pending (see the class comment for when it is an upper bound)
     * @param truncated whether {@code records} stops short of the end of some partition
     * @param records   the pending records, in offset order per partition
     */
    record Backlog(Subscription subscription, long count, boolean truncated, List<PendingRecord> records) {
        Backlog {
            records = List.copyOf(records);
        }
    }

    /**
     * One record a group has not consumed.
     *
     * @param key       the aggregate id (a model id or a pair id)
     * @param eventType the {@code event-type} header, else the envelope's {@code type}
     */
    record PendingRecord(String topic, int partition, long offset, String key, String eventType, Long revision,
            Instant occurredAt, Instant storedAt) {
    }

    /** The backlogs of {@code subscriptions}, in their order, through one admin client and one reader. */
    List<Backlog> backlogs(List<Subscription> subscriptions) {
        Admin admin;
        try {
            admin = Admin.create(adminConfig());
        } catch (KafkaException e) {
            throw new KafkaUnavailable("cannot create a Kafka client for " + bootstrapServers + ": " + e.getMessage(), e);
        }
        try (KafkaConsumer<byte[], byte[]> reader = reader()) {
            List<Backlog> backlogs = new ArrayList<>();
            for (Subscription subscription : subscriptions) {
                backlogs.add(backlog(admin, reader, subscription));
            }
            return backlogs;
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private Backlog backlog(Admin admin, KafkaConsumer<byte[], byte[]> reader, Subscription subscription) {
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(admin, subscription.group());
        List<TopicPartition> partitions = partitions(admin, subscription.topics());
        Map<TopicPartition, Long> logStart = offsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> logEnd = offsets(admin, partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> from = new LinkedHashMap<>();
        long count = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata position = committed.get(partition);
            long start = logStart.get(partition);
            long next = position == null ? start : Math.max(position.offset(), start);
            long end = logEnd.get(partition);
            if (next < end) {
                from.put(partition, next);
                count += end - next;
            }
        }
        if (from.isEmpty()) {
            return new Backlog(subscription, 0, false, List.of());
        }
        return read(reader, subscription, from, logEnd, count);
    }

    /** Reads the records from {@code from} up to (not including) {@code to}, within the limits. */
    private Backlog read(KafkaConsumer<byte[], byte[]> reader, Subscription subscription,
            Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, long offsetCount) {
        List<PendingRecord> records = new ArrayList<>();
        Set<TopicPartition> reached = new HashSet<>();
        reader.assign(from.keySet());
        from.forEach(reader::seek);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean full = false;
        try {
            while (!full && reached.size() < from.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (reached.contains(partition) || record.offset() >= to.get(partition)) {
                        continue;
                    }
                    if (records.size() == maxItems) {
                        full = true;
                        break;
                    }
                    records.add(pending(record));
                }
                for (TopicPartition partition : from.keySet()) {
                    if (!reached.contains(partition) && reader.position(partition, timeout) >= to.get(partition)) {
                        reached.add(partition);
                    }
                }
            }
        } catch (KafkaException e) {
            throw unavailable("the records group " + subscription.group() + " has not consumed", e);
        } finally {
            reader.unsubscribe();
        }
        boolean complete = !full && reached.size() == from.size();
        return new Backlog(subscription, complete ? records.size() : offsetCount, !complete, records);
    }

    private static PendingRecord pending(ConsumerRecord<byte[], byte[]> record) {
        EnvelopeHead head = EnvelopeHead.read(record.value());
        Header typeHeader = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
        String type = typeHeader != null ? new String(typeHeader.value(), StandardCharsets.UTF_8) : head.type();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        return new PendingRecord(record.topic(), record.partition(), record.offset(), key, type, head.revision(),
                head.occurredAt(), record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()));
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = await(admin
                    .listConsumerGroupOffsets(group, new ListConsumerGroupOffsetsOptions().timeoutMs(millis()))
                    .partitionsToOffsetAndMetadata(), "the committed offsets of group " + group);
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            // A partition without a committed offset may be listed with a null value.
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.put(partition, offset);
                }
            });
            return committed;
        } catch (GroupIdNotFoundException e) {
            return Map.of();
        }
    }

    private List<TopicPartition> partitions(Admin admin, List<String> topics) {
        Map<String, TopicDescription> descriptions = await(
                admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(millis())).allTopicNames(),
                "the partitions of " + String.join(", ", topics));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            descriptions.get(topic).partitions()
                    .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition())));
        }
        return partitions;
    }

    private Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResultInfo> answer = await(
                admin.listOffsets(request, new ListOffsetsOptions().timeoutMs(millis())).all(),
                "the log offsets of " + partitions.size() + " partitions");
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /**
     * The future's value within the timeout. Kafka's own exceptions come out unwrapped (so a caller
     * can tell a missing group); anything else that keeps the answer away is {@link KafkaUnavailable}.
     */
    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable("interrupted while asking Kafka for " + what, e);
        } catch (TimeoutException e) {
            throw new KafkaUnavailable("Kafka (" + bootstrapServers + ") did not answer within " + seconds()
                    + " when asked for " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException missing) {
                throw missing;
            }
            throw unavailable(what, e.getCause() == null ? e : e.getCause());
        }
    }

    private KafkaUnavailable unavailable(String what, Throwable cause) {
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return new KafkaUnavailable("Kafka (" + bootstrapServers + ") did not answer within " + seconds()
                    + " when asked for " + what, cause);
        }
        return new KafkaUnavailable("Kafka (" + bootstrapServers + ") could not give " + what + ": " + cause.getMessage(),
                cause);
    }

    private Map<String, Object> adminConfig() {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "page-service-consistency-audit",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    }

    private KafkaConsumer<byte[], byte[]> reader() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "page-service-consistency-audit",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Offsets are sought explicitly; one removed by retention meanwhile starts at the log's start.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(),
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        try {
            return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (KafkaException e) {
            throw new KafkaUnavailable("cannot create a Kafka reader for " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    private int millis() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
