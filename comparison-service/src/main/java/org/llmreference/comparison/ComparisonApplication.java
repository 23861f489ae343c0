package org.llmreference.comparison;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Keeps projections of the catalog and the price lists, recomputes the comparisons an event
 * affects, and publishes those whose content changed to {@code comparison.pages.v1}.
 */
@SpringBootApplication
public class ComparisonApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComparisonApplication.class, args);
    }
}
