package org.llmreference.pricing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Owns providers, routes and price history; knows which models exist from
 * {@code catalog.models.v1}; publishes each model's price list to {@code pricing.routes.v1}.
 */
@SpringBootApplication
public class PricingApplication {

    public static void main(String[] args) {
        SpringApplication.run(PricingApplication.class, args);
    }
}
