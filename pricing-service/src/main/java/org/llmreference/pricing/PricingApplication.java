package org.llmreference.pricing;

import java.time.Clock;

import org.llmreference.pricing.routes.PriceLists;
import org.llmreference.pricing.routes.ScheduledChanges;
import org.llmreference.pricing.routes.ScheduledChangeTimer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import tools.jackson.core.StreamWriteFeature;

/**
 * Owns providers, routes and price history; knows which models exist from
 * {@code catalog.models.v1}; publishes each model's price list to {@code pricing.routes.v1}.
 */
@SpringBootApplication
@EnableConfigurationProperties(PricingSettings.class)
public class PricingApplication {

    public static void main(String[] args) {
        SpringApplication.run(PricingApplication.class, args);
    }

    /** The time every change is accepted at; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ScheduledChangeTimer scheduledChangeTimer(ScheduledChanges scheduledChanges, PriceLists priceLists, Clock clock,
            PricingSettings properties) {
        return new ScheduledChangeTimer(scheduledChanges, priceLists, clock, properties.scheduleRescanInterval());
    }

    /** Prices leave as plain decimals ({@code 0.0000001}, never {@code 1E-7}). */
    @Bean
    JsonMapperBuilderCustomizer plainDecimals() {
        return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
