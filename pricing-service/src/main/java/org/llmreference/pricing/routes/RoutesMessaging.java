package org.llmreference.pricing.routes;

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
 * A model's price list is one document in {@value #COLLECTION} carrying its pending
 * {@code pricing.routes.v1} events; this relay publishes them through {@value #BINDING}.
 */
@Configuration(proxyBeanMethods = false)
class RoutesMessaging {

    static final String COLLECTION = "priceLists";
    static final String BINDING = "pricingRoutes";

    @Bean
    OutboxRelay priceListsOutboxRelay(MongoDatabase database, StreamBridge streamBridge, PlatformProperties properties,
            MeterRegistry meters) {
        return new OutboxRelay(List.of(new OutboxSource(database.getCollection(COLLECTION), BINDING)), streamBridge,
                properties.outboxSweepInterval(), properties.outboxRetryDelay(), meters);
    }
}
