package org.llmreference.catalog.models;

import java.util.List;

import org.llmreference.platform.config.PlatformProperties;
import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.OutboxSource;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Model documents carry their pending {@code catalog.models.v1} events; this relay publishes them
 * through the {@value #BINDING} output binding.
 */
@Configuration(proxyBeanMethods = false)
class ModelsMessaging {

    static final String COLLECTION = "models";
    static final String BINDING = "catalogModels";

    @Bean
    OutboxRelay modelsOutboxRelay(MongoDatabase database, StreamBridge streamBridge, PlatformProperties properties,
            MeterRegistry meters) {
        return new OutboxRelay(List.of(new OutboxSource(database.getCollection(COLLECTION), BINDING)), streamBridge,
                properties.outboxSweepInterval(), properties.outboxRetryDelay(), meters);
    }
}
