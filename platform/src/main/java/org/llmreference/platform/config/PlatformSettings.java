package org.llmreference.platform.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every service shares, under {@code llmref.platform}.
 *
 * @param mongoTimeout         how long a MongoDB operation waits for a server before it fails
 * @param kafkaHealthTimeout   how long the readiness check waits for Kafka
 * @param outboxSweepInterval  how often the outbox relay looks for events left behind
 * @param outboxRetryDelay     how long the relay waits after a failed publish
 * @param outboxDeliveryTimeout how long the relay's producer keeps retrying an event it was handed
 *                             (through a broker outage) before the relay counts it as not published
 *                             and sends it again later
 * @param storageOutageWait    how long a consumer waits for an unreachable MongoDB before an event
 *                             goes to the binding's retries and dead-letter topic
 */
@ConfigurationProperties("llmref.platform")
public record PlatformSettings(Duration mongoTimeout, Duration kafkaHealthTimeout, Duration outboxSweepInterval,
        Duration outboxRetryDelay, Duration outboxDeliveryTimeout, Duration storageOutageWait) {

    public PlatformSettings {
        mongoTimeout = mongoTimeout == null ? Duration.ofSeconds(3) : mongoTimeout;
        kafkaHealthTimeout = kafkaHealthTimeout == null ? Duration.ofSeconds(2) : kafkaHealthTimeout;
        outboxSweepInterval = outboxSweepInterval == null ? Duration.ofSeconds(30) : outboxSweepInterval;
        outboxRetryDelay = outboxRetryDelay == null ? Duration.ofSeconds(1) : outboxRetryDelay;
        outboxDeliveryTimeout = outboxDeliveryTimeout == null ? Duration.ofMinutes(2) : outboxDeliveryTimeout;
        storageOutageWait = storageOutageWait == null ? Duration.ofMinutes(4) : storageOutageWait;
    }
}
