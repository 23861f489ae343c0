package org.llmreference.catalog.imports;

import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Import run documents carry their pending {@code catalog.imports.v1} events; this relay publishes
 * them to Kafka.
 */
@Configuration(proxyBeanMethods = false)
class ImportsMessaging {

    static final String COLLECTION = "imports";

    @Bean
    OutboxRelay importsOutboxRelay(OutboxRelays relays) {
        return relays.over(COLLECTION);
    }
}
