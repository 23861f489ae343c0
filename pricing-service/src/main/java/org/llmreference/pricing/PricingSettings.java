package org.llmreference.pricing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * pricing-service's own settings, under {@code llmref.pricing}.
 *
 * @param scheduleRescanInterval how often the scheduled-change timer rereads MongoDB for changes
 *                               other instances scheduled, applied or cancelled
 * @param importChunkSize        how many models an import reads and writes per round
 */
@ConfigurationProperties("llmref.pricing")
public record PricingSettings(Duration scheduleRescanInterval, Integer importChunkSize) {

    public PricingSettings {
        scheduleRescanInterval = scheduleRescanInterval == null ? Duration.ofMinutes(1) : scheduleRescanInterval;
        importChunkSize = importChunkSize == null ? 200 : importChunkSize;
    }
}
