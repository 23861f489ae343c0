package org.llmreference.comparison.instances;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which partitions of {@code comparison.pages.v1}, and so which pairs, this instance owns: the
 * partitions Kafka assigns it in the owners group. A plain consumer on a thread of its own joins
 * the group, pauses every partition it is given and only polls to keep its membership; it never
 * processes a record. When a member leaves or dies, its partitions move to the others after the
 * session timeout.
 *
 * <p>The callbacks run on the ownership thread: {@code onRevoked} must have stopped all publishing
 * to the revoked partitions when it returns (the next owner may start at once), {@code onAssigned}
 * starts the reconciliation of the newly owned pairs.
 */
public final class Ownership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Ownership.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Consumer<Set<Integer>> onAssigned;
    private final Consumer<Set<Integer>> onRevoked;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile Set<Integer> owned = Set.of();

    /**
     * @param bootstrapServers Kafka
     * @param topic            the topic whose partitions decide ownership ({@code comparison.pages.v1})
     * @param group            the owners group ({@code comparison-service.owners})
     * @param instance         this instance's number, for the client id
     * @param sessionTimeout   how long a dead member keeps its partitions
     * @param heartbeat        how often a member shows it is alive
     * @param onAssigned       called with the partitions newly owned
     * @param onRevoked        called with the partitions no longer owned; publishing to them has stopped
     *                         when it returns
     */
    public Ownership(String bootstrapServers, String topic, String group, int instance, Duration sessionTimeout,
            Duration heartbeat, Consumer<Set<Integer>> onAssigned, Consumer<Set<Integer>> onRevoked) {
        this.topic = topic;
        this.onAssigned = onAssigned;
        this.onRevoked = onRevoked;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + instance,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) heartbeat.toMillis(),
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        this.thread = new Thread(this::run, group + "-" + instance);
        this.thread.setDaemon(true);
    }

    /** Joins the owners group. */
    public Ownership start() {
        thread.start();
        return this;
    }

    /** The partitions this instance owns now. */
    public Set<Integer> owned() {
        return owned;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    consumer.pause(partitions);
                    Set<Integer> added = numbers(partitions);
                    if (added.isEmpty()) {
                        return;
                    }
                    Set<Integer> now = new TreeSet<>(owned);
                    now.addAll(added);
                    owned = Set.copyOf(now);
                    log.info("Owns partitions {} of {} (added {})", now, topic, added);
                    onAssigned.accept(added);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    release(numbers(partitions));
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    release(numbers(partitions));
                }
            });
            while (running.get()) {
                consumer.poll(Duration.ofMillis(500));
            }
        } catch (WakeupException e) {
            if (running.get()) {
                log.error("Ownership of {} stopped by an unexpected wakeup", topic, e);
            }
        } catch (RuntimeException e) {
            log.error("Ownership of {} failed; this instance publishes nothing until it is restarted", topic, e);
            release(owned);
        } finally {
            consumer.close();
        }
    }

    private void release(Set<Integer> removed) {
        if (removed.isEmpty()) {
            return;
        }
        Set<Integer> now = new TreeSet<>(owned);
        now.removeAll(removed);
        owned = Set.copyOf(now);
        onRevoked.accept(removed);
        log.info("Released partitions {} of {} (owns {})", removed, topic, now);
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new TreeSet<>();
        partitions.forEach(partition -> numbers.add(partition.partition()));
        return numbers;
    }

    /** Leaves the group (its partitions move to the others at once) and waits for the thread. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(Duration.ofSeconds(30).toMillis());
    }
}
