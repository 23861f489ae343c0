package org.llmreference.platform.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * Builds a service's {@link OutboxRelay} from the platform settings: {@code relays.over("models")}.
 * The relays share one Kafka producer, configured like the binder's own producers (brokers,
 * {@code spring.cloud.stream.kafka.binder.producer-properties}); its client metrics are
 * {@code kafka.producer.*}. It is closed after the relays have stopped. {@link #direct()} publishes
 * through the same producer without an outbox.
 */
public final class OutboxRelays implements DisposableBean {

    private final MongoDatabase database;
    private final Map<String, Object> producerConfiguration;
    private final Duration sweepInterval;
    private final Duration retryDelay;
    private final MeterRegistry meters;
    private Producer<byte[], byte[]> producer;
    private KafkaClientMetrics producerMetrics;

    /**
     * @param producerConfiguration the Kafka producer settings (bootstrap servers included); the
     *        serializers are the relay's own
     */
    public OutboxRelays(MongoDatabase database, Map<String, Object> producerConfiguration, Duration sweepInterval,
            Duration retryDelay, MeterRegistry meters) {
        this.database = database;
        this.producerConfiguration = Map.copyOf(producerConfiguration);
        this.sweepInterval = sweepInterval;
        this.retryDelay = retryDelay;
        this.meters = meters;
    }

    /** A relay for the pending events of {@code collection}. */
    public synchronized OutboxRelay over(String collection) {
        return new OutboxRelay(database.getCollection(collection), producer(),
                sweepInterval, retryDelay, acknowledgementTimeout(), meters);
    }

    /**
     * A publisher that sends events straight to Kafka through the relays' producer, for a service that
     * does not store its events before publishing them.
     */
    public synchronized DirectPublisher direct() {
        return new DirectPublisher(producer(), acknowledgementTimeout());
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> configuration = new HashMap<>(producerConfiguration);
            configuration.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            configuration.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producer = new KafkaProducer<>(configuration);
            producerMetrics = new KafkaClientMetrics(producer);
            producerMetrics.bindTo(meters);
        }
        return producer;
    }

    /** The producer gives up on a record after its delivery timeout; the relay waits a little longer. */
    private Duration acknowledgementTimeout() {
        Object delivery = producerConfiguration.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        long millis = delivery == null ? 120_000 : Long.parseLong(delivery.toString());
        return Duration.ofMillis(millis).plusSeconds(5);
    }

    @Override
    public synchronized void destroy() {
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
