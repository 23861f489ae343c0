package org.llmreference.platform.config;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.bson.UuidRepresentation;
import org.llmreference.platform.health.KafkaHealthIndicator;
import org.llmreference.platform.messaging.DeadLetterCounting;
import org.llmreference.platform.messaging.EventConsumption;
import org.llmreference.platform.messaging.StorageOutages;
import org.llmreference.platform.outbox.OutboxRelays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * What every service gets from the platform: its own MongoDB database (named by
 * {@code spring.mongodb.database}), MongoDB operations that fail fast when the server is away,
 * a Kafka readiness check, event consumption with metrics and observations, a count of
 * dead-lettered records, and outbox relays.
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformSettings.class)
public class PlatformAutoConfiguration {

    private static final String BINDER = "spring.cloud.stream.kafka.binder";

    @Bean
    MongoClientSettingsBuilderCustomizer llmrefMongoClientSettings(PlatformSettings properties) {
        long millis = properties.mongoTimeout().toMillis();
        return settings -> settings
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) millis, TimeUnit.MILLISECONDS));
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean(name = "kafka")
    KafkaHealthIndicator kafkaHealthIndicator(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            PlatformSettings properties) {
        return new KafkaHealthIndicator(brokers, properties.kafkaHealthTimeout());
    }

    @Bean
    EventConsumption eventConsumption(MeterRegistry meters, ObjectProvider<ObservationRegistry> observations,
            PlatformSettings properties) {
        return new EventConsumption(meters, observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                new StorageOutages(properties.storageOutageWait()));
    }

    /**
     * The relay's producer takes the binder's producer settings, merged as the binder merges them:
     * {@code configuration}, then {@code producer-properties}, then {@code required-acks}; but it keeps
     * retrying an event for {@code outbox-delivery-timeout}. Events of a batch are in flight together:
     * one the broker appended just before an outage, unacknowledged, is then delivered once by the
     * idempotent producer when the broker returns, instead of failing after the binder's short timeout
     * and being sent again as a duplicate.
     */
    static Map<String, Object> relayProducerConfiguration(Environment environment, PlatformSettings properties) {
        Binder binder = Binder.get(environment);
        Bindable<Map<String, String>> settings = Bindable.mapOf(String.class, String.class);
        Map<String, Object> producer = new HashMap<>(binder.bind(BINDER + ".configuration", settings).orElse(Map.of()));
        producer.putAll(binder.bind(BINDER + ".producer-properties", settings).orElse(Map.of()));
        producer.put(ProducerConfig.ACKS_CONFIG, environment.getProperty(BINDER + ".required-acks", "all"));
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getProperty(BINDER + ".brokers", "localhost:9092"));
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(properties.outboxDeliveryTimeout().toMillis()));
        producer.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG,
                environment.getProperty("spring.application.name", "llmref") + "-outbox");
        return producer;
    }

    @Bean
    @ConditionalOnMissingBean(DlqPartitionFunction.class)
    DeadLetterCounting deadLetterCounting(MeterRegistry meters) {
        return new DeadLetterCounting(meters);
    }

    @Bean
    OutboxRelays outboxRelays(MongoDatabase database, PlatformSettings properties, MeterRegistry meters,
            Environment environment) {
        return new OutboxRelays(database, relayProducerConfiguration(environment, properties),
                properties.outboxSweepInterval(), properties.outboxRetryDelay(), meters);
    }
}
