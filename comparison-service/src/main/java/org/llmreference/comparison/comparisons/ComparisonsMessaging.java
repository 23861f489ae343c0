package org.llmreference.comparison.comparisons;

import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.OutboxRelays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A comparison is one document in {@value #COLLECTION} carrying its pending
 * {@code comparison.pages.v1} events; this relay publishes them.
 */
@Configuration(proxyBeanMethods = false)
class ComparisonsMessaging {

    static final String COLLECTION = "comparisons";

    @Bean
    OutboxRelay comparisonsOutboxRelay(OutboxRelays relays) {
        return relays.over(COLLECTION);
    }
}
