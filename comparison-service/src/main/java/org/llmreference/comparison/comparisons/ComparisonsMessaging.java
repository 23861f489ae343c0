package org.llmreference.comparison.comparisons;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.llmreference.comparison.instances.OwnedPartitions;
import org.llmreference.contracts.Topics;
import org.llmreference.platform.outbox.DirectPublisher;
import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.OutboxRelays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Comparison events go straight to {@code comparison.pages.v1} through the platform's producer
 * (idempotent, {@code acks=all}); a comparison is one document in {@value #COLLECTION}. The
 * collection's relay publishes what documents stored by earlier versions still carry as pending
 * events. The topic's end is read back when the comparison set is built ({@link PublishedState}).
 */
@Configuration(proxyBeanMethods = false)
class ComparisonsMessaging {

    static final String COLLECTION = "comparisons";

    @Bean
    DirectPublisher comparisonEventsPublisher(OutboxRelays relays) {
        return relays.direct();
    }

    @Bean
    OutboxRelay comparisonsOutboxRelay(OutboxRelays relays) {
        return relays.over(COLLECTION);
    }

    /** The pairs this instance publishes: none until the owners group assigns it partitions ({@link PairOwnership}). */
    @Bean
    OwnedPartitions ownedPartitions() {
        return OwnedPartitions.assignedOf(Topics.EVENT_TOPICS.stream()
                .filter(topic -> topic.name().equals(Topics.COMPARISON_PAGES)).findFirst().orElseThrow().partitions());
    }

    @Bean
    PublishedState.TopicReaders comparisonTopicReaders(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${spring.application.name}") String application) {
        Map<String, Object> configuration = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.CLIENT_ID_CONFIG, application + "-published-state",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return () -> new KafkaConsumer<>(configuration);
    }
}
