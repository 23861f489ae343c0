package org.llmreference.pricing.routes;

import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A model's price list is one document in {@value #COLLECTION} carrying its pending
 * {@code pricing.routes.v1} events; this relay publishes them.
 */
@Configuration(proxyBeanMethods = false)
class RoutesMessaging {

    static final String COLLECTION = "priceLists";

    @Bean
    OutboxRelay priceListsOutboxRelay(OutboxRelays relays) {
        return relays.over(COLLECTION);
    }
}
