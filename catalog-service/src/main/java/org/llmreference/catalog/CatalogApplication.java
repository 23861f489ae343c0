package org.llmreference.catalog;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Owns the model catalog; publishes every accepted change to {@code catalog.models.v1}. */
@SpringBootApplication
public class CatalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogApplication.class, args);
    }

    /** "Now" for accepted edits and for the date rules; a test can put another clock in its place. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
