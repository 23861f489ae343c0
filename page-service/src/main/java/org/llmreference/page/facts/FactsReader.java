package org.llmreference.page.facts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.UnreadableEvent;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.contracts.pricing.PricingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Fills the {@link FactsView} from {@code catalog.models.v1} and {@code pricing.routes.v1} on a
 * thread of its own, and keeps it current.
 *
 * <p>It reads with a consumer that belongs to no group and is assigned every partition of both
 * topics from the beginning. Every page-service instance needs all models, not a share of the
 * partitions, and needs them again after each start (the view lives in memory): a consumer group
 * would split the partitions between instances and resume from committed offsets, and would
 * show up in the consistency audit as a group that is behind. Without a group nothing is committed
 * and nothing rebalances.
 *
 * <p>The end offsets of both topics are read once the partitions are assigned; when the consumer's
 * position has reached them on every partition, the view {@link FactsView#caughtUp() has caught up}.
 * A broker that is away is retried every few seconds; readiness does not wait for any of it.
 */
class FactsReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FactsReader.class);
    private static final List<String> TOPICS = List.of(Topics.CATALOG_MODELS, Topics.PRICING_ROUTES);
    private static final Duration RETRY = Duration.ofSeconds(3);

    private final FactsView view;
    private final String brokers;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    FactsReader(FactsView view, String brokers) {
        this.view = view;
        this.brokers = brokers;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "facts-view");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(config())) {
                consumer = reader;
                read(reader);
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (KafkaException e) {
                if (running) {
                    log.warn("Facts view cannot read Kafka at {} ({}); retrying in {} s", brokers, e.getMessage(),
                            RETRY.toSeconds());
                    pause();
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void read(KafkaConsumer<byte[], byte[]> reader) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = reader.partitionsFor(topic, RETRY);
            if (infos == null || infos.isEmpty()) {
                throw new KafkaException("topic " + topic + " has no partitions yet");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(reader.endOffsets(partitions, RETRY));
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(500))) {
                apply(record);
            }
            if (!ends.isEmpty()) {
                ends.entrySet().removeIf(end -> reader.position(end.getKey(), RETRY) >= end.getValue());
                if (ends.isEmpty()) {
                    view.markCaughtUp();
                }
            }
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            if (Topics.CATALOG_MODELS.equals(record.topic())) {
                view.applyModel(EventCodec.decode(record.value(), CatalogEvent.class));
            } else {
                view.applyRoutes(EventCodec.decode(record.value(), PricingEvent.class));
            }
        } catch (UnreadableEvent e) {
            log.warn("Facts view skips unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private Properties config() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "page-service-facts");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
