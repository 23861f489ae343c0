package org.llmreference.comparison;

import java.time.Clock;

import org.llmreference.comparison.comparisons.ComparisonSettings;
import org.llmreference.comparison.engine.ComparisonEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Keeps projections of the catalog and the price lists, recomputes the comparisons an event
 * affects, and publishes those whose content changed to {@code comparison.pages.v1}.
 */
@SpringBootApplication
@EnableConfigurationProperties(ComparisonSettings.class)
public class ComparisonApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComparisonApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ComparisonEngine comparisonEngine(ComparisonSettings settings) {
        return new ComparisonEngine(settings.engineSettings());
    }
}
