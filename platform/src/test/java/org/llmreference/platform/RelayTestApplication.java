package org.llmreference.platform;

import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.OutboxRelays;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A minimal service: one collection with pending events, relayed to {@code catalog.models.v1}. */
@SpringBootApplication
class RelayTestApplication {

    static final String COLLECTION = "things";

    @Bean
    OutboxRelay relay(OutboxRelays relays) {
        return relays.over(COLLECTION);
    }
}
