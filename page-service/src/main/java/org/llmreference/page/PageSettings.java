package org.llmreference.page;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * page-service's settings, {@code llmref.page.*}.
 *
 * @param baseUrl    the site's absolute URL, for canonical links, the sitemap and the feed
 *                   ({@code LLMREF_BASE_URL}; default {@code http://localhost:<server.port>})
 * @param siteName   the site's name on every page and in the feed
 * @param cachePages at most this many pages are held in memory in front of MongoDB
 * @param cacheSize  and at most about this much memory
 * @param audit      the consistency audit ({@code /actuator/consistency})
 * @param plainCacheSize at most this much memory holds plain (identity) copies of the pages most asked for
 *                   without gzip, so they are not inflated per request; 0 turns the copies off
 */
@ConfigurationProperties("llmref.page")
public record PageSettings(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("LLM Reference") String siteName,
        @DefaultValue("20000") int cachePages,
        @DefaultValue("24MB") DataSize cacheSize,
        @DefaultValue Audit audit,
        @DefaultValue("24MB") DataSize plainCacheSize) {

    public PageSettings {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("llmref.page.base-url must be an absolute http(s) URL, was " + baseUrl, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("llmref.page.base-url must be an absolute http(s) URL without query, was "
                    + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (siteName == null || siteName.isBlank()) {
            throw new IllegalArgumentException("llmref.page.site-name must not be blank");
        }
        if (cachePages < 1) {
            throw new IllegalArgumentException("llmref.page.cache-pages must be at least 1, was " + cachePages);
        }
        if (cacheSize.toBytes() < 1) {
            throw new IllegalArgumentException("llmref.page.cache-size must be positive, was " + cacheSize);
        }
        if (plainCacheSize.toBytes() < 0) {
            throw new IllegalArgumentException("llmref.page.plain-cache-size must be 0 or positive, was " + plainCacheSize);
        }
    }

    /**
     * {@code llmref.page.audit.*}: what the consistency audit compares and how long it may take.
     *
     * @param pageGroup       the consumer group that applies {@code comparison.pages.v1} (page-service's own)
     * @param comparisonGroup the consumer group that turns catalog and pricing events into comparisons
     *                        (comparison-service's)
     * @param kafkaTimeout    how long each Kafka call of the audit may wait, and the time it may spend
     *                        reading pending records
     * @param maxItems        at most this many items are listed per section (the counts are always complete)
     * @param metricsInterval how often the audit runs for its metrics ({@code llmref_consistency_*}); 0: never
     */
    public record Audit(
            @DefaultValue("page-service") String pageGroup,
            @DefaultValue("comparison-service") String comparisonGroup,
            @DefaultValue("5s") Duration kafkaTimeout,
            @DefaultValue("1000") int maxItems,
            @DefaultValue("1m") Duration metricsInterval) {

        public Audit {
            if (pageGroup == null || pageGroup.isBlank() || comparisonGroup == null || comparisonGroup.isBlank()) {
                throw new IllegalArgumentException("llmref.page.audit.page-group and comparison-group must not be blank");
            }
            if (kafkaTimeout == null || kafkaTimeout.isNegative() || kafkaTimeout.isZero()) {
                throw new IllegalArgumentException("llmref.page.audit.kafka-timeout must be positive, was " + kafkaTimeout);
            }
            if (maxItems < 1) {
                throw new IllegalArgumentException("llmref.page.audit.max-items must be at least 1, was " + maxItems);
            }
            if (metricsInterval == null || metricsInterval.isNegative()) {
                throw new IllegalArgumentException("llmref.page.audit.metrics-interval must be 0 or positive, was "
                        + metricsInterval);
            }
        }
    }

    /** The host part of the base URL, the authority of the feed's tag URIs. */
    public String host() {
        return URI.create(baseUrl).getHost();
    }
}
