package org.llmreference.catalog.models;

import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Model documents carry their pending {@code catalog.models.v1} events; this relay publishes them
 * to Kafka.
 */
@Configuration(proxyBeanMethods = false)
class ModelsMessaging {

    static final String COLLECTION = "models";

    @Bean
    OutboxRelay modelsOutboxRelay(OutboxRelays relays) {
        return relays.over(COLLECTION);
    }
}
