package org.llmreference.page.freshness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Whether the pages served may be stale: page-service keeps serving its pages from memory while
 * Kafka (no new changes arrive) or MongoDB (no new page is stored) is away, and says so. Each
 * dependency is probed every few seconds; while one is unreachable, every answer carries
 * {@code X-Llmref-Stale: kafka unreachable since 2026-12-04T09:30:02Z} (dependencies joined by
 * {@code ", "}) and the gauge {@code llmref.pages.stale.seconds{dependency}} counts the seconds
 * since (0 while it is reachable).
 */
public final class Freshness {

    /** The response header that says the pages may be stale, and why. */
    public static final String HEADER = "X-Llmref-Stale";

    private static final Logger log = LoggerFactory.getLogger(Freshness.class);

    private final Map<String, BooleanSupplier> probes;
    private final Clock clock;
    private final Map<String, Instant> unreachableSince = new ConcurrentHashMap<>();
    private volatile String header;

    /** {@code probes}: per dependency name ({@code kafka}, {@code mongodb}), whether it answers now. */
    public Freshness(Map<String, BooleanSupplier> probes, Clock clock, MeterRegistry meters) {
        this.probes = new LinkedHashMap<>(probes);
        this.clock = clock;
        for (String dependency : this.probes.keySet()) {
            Gauge.builder("llmref.pages.stale.seconds", this, freshness -> freshness.staleSeconds(dependency))
                    .tag("dependency", dependency).baseUnit("seconds")
                    .description("Seconds since the dependency became unreachable while pages are served from memory; 0 while it answers")
                    .register(meters);
        }
    }

    /** Probes every dependency once and notes since when each is unreachable. */
    public void check() {
        for (Map.Entry<String, BooleanSupplier> probe : probes.entrySet()) {
            String dependency = probe.getKey();
            boolean reachable;
            try {
                reachable = probe.getValue().getAsBoolean();
            } catch (RuntimeException e) {
                reachable = false;
            }
            if (reachable) {
                if (unreachableSince.remove(dependency) != null) {
                    log.info("{} is reachable again: pages are fresh as far as it is concerned", dependency);
                }
            } else if (unreachableSince.putIfAbsent(dependency, clock.instant().truncatedTo(ChronoUnit.SECONDS)) == null) {
                log.warn("{} is unreachable: pages are served from memory and may be stale", dependency);
            }
        }
        StringJoiner joiner = new StringJoiner(", ");
        probes.keySet().forEach(dependency -> {
            Instant since = unreachableSince.get(dependency);
            if (since != null) {
                joiner.add(dependency + " unreachable since " + since);
            }
        });
        header = joiner.length() == 0 ? null : joiner.toString();
    }

    /** The {@link #HEADER} value while a dependency is unreachable, else {@code null}. */
    public String staleness() {
        return header;
    }

    double staleSeconds(String dependency) {
        Instant since = unreachableSince.get(dependency);
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }
}
