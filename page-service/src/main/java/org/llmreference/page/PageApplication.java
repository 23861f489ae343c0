package org.llmreference.page;

import java.time.Clock;

import org.llmreference.page.pages.PageIndex;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Turns {@code comparison.pages.v1} events into the pages visitors read: renders each page once per
 * revision, stores it, and serves it (and the front page, model pages, sitemap and feed) from memory.
 */
@SpringBootApplication
@EnableConfigurationProperties(PageSettings.class)
public class PageApplication {

    private static final Logger log = LoggerFactory.getLogger(PageApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(PageApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PageRenderer pageRenderer(PageSettings settings) {
        return new PageRenderer(new Site(settings.baseUrl(), settings.siteName()));
    }

    /** Loads the page index at start; if MongoDB is away, the first request or event loads it. */
    @Bean
    ApplicationRunner loadPageIndex(PageIndex index, PageSettings settings) {
        return arguments -> {
            try {
                index.load();
            } catch (RuntimeException e) {
                log.warn("Page index not loaded at start ({}); it loads on first use", e.toString());
            }
            log.info("Site at {}", settings.baseUrl());
        };
    }
}
