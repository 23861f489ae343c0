package org.llmreference.platform;

import java.util.List;

import org.llmreference.platform.config.PlatformProperties;
import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.OutboxSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** A minimal service: one collection with pending events, relayed to {@code catalog.models.v1}. */
@SpringBootApplication
class RelayTestApplication {

    static final String COLLECTION = "things";

    @Bean
    OutboxRelay relay(MongoDatabase database, StreamBridge bridge, PlatformProperties properties, MeterRegistry meters) {
        return new OutboxRelay(List.of(new OutboxSource(database.getCollection(COLLECTION), "things")), bridge,
                properties.outboxSweepInterval(), properties.outboxRetryDelay(), meters);
    }
}
