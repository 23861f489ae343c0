package org.llmreference.platform.outbox;

import java.util.List;

import org.llmreference.platform.config.PlatformProperties;
import org.springframework.cloud.stream.function.StreamBridge;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/** Builds a service's {@link OutboxRelay} from the platform settings: {@code relays.over("models", "catalogModels")}. */
public final class OutboxRelays {

    private final MongoDatabase database;
    private final StreamBridge streamBridge;
    private final PlatformProperties properties;
    private final MeterRegistry meters;

    public OutboxRelays(MongoDatabase database, StreamBridge streamBridge, PlatformProperties properties,
            MeterRegistry meters) {
        this.database = database;
        this.streamBridge = streamBridge;
        this.properties = properties;
        this.meters = meters;
    }

    /** A relay for the pending events of {@code collection}, published through the output binding {@code binding}. */
    public OutboxRelay over(String collection, String binding) {
        return new OutboxRelay(List.of(new OutboxSource(database.getCollection(collection), binding)), streamBridge,
                properties.outboxSweepInterval(), properties.outboxRetryDelay(), meters);
    }
}
