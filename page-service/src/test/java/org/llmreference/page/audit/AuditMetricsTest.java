package org.llmreference.page.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.llmreference.page.audit.ConsistencyReport.BacklogSection;
import org.llmreference.page.audit.ConsistencyReport.PageSection;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The consistency metrics the alert "pages behind for more than 10 minutes" reads. */
class AuditMetricsTest {

    static final Instant CHECKED = Instant.parse("2026-12-01T10:00:00Z");

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicReference<Object> nextAudit = new AtomicReference<>();
    final AtomicReference<Instant> now = new AtomicReference<>(CHECKED);
    final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    final AuditMetrics metrics = new AuditMetrics(() -> {
        Object result = nextAudit.get();
        if (result == null) {
            throw new IllegalStateException("the audit failed");
        }
        return result;
    }, meters, clock, Duration.ZERO);

    @Test
    void absentUntilAnAuditCompletes() {
        nextAudit.set("a 503 problem: MongoDB unavailable");
        metrics.runOnce();

        assertThat(gauge("llmref.consistency.behind")).isNaN();
        assertThat(gauge("llmref.consistency.behind.age")).isNaN();
        assertThat(gauge("llmref.consistency.audit.age")).isNaN();
    }

    @Test
    void aConsistentAuditReadsZeroBehind() {
        nextAudit.set(report(0, null, 0, null, 0, null));
        metrics.runOnce();

        assertThat(gauge("llmref.consistency.behind")).isZero();
        assertThat(gauge("llmref.consistency.behind.age")).isZero();
        assertThat(gauge("llmref.consistency.audit.age")).isZero();
    }

    @Test
    void countsEverySectionAndTakesTheOldestAge() {
        nextAudit.set(report(2, "42.5", 3, "700.25", 1, null));
        metrics.runOnce();

        assertThat(gauge("llmref.consistency.behind")).isEqualTo(6);
        assertThat(gauge("llmref.consistency.behind.age")).isEqualTo(700.25);
    }

    @Test
    void anIncompleteAuditKeepsTheLastCompleteOneAndItsAgeGrows() {
        nextAudit.set(report(1, "30", 0, null, 0, null));
        metrics.runOnce();
        nextAudit.set("a 503 problem: Kafka unavailable");
        now.set(CHECKED.plusSeconds(90));
        metrics.runOnce();

        assertThat(gauge("llmref.consistency.behind")).isEqualTo(1);
        assertThat(gauge("llmref.consistency.behind.age")).isEqualTo(30);
        assertThat(gauge("llmref.consistency.audit.age")).isEqualTo(90);
    }

    @Test
    void anAuditThatThrowsDoesNotStopTheNextOne() {
        metrics.runOnce();
        assertThat(gauge("llmref.consistency.behind")).as("nothing to read: NaN, not a made-up 0").isNaN();

        nextAudit.set(report(0, null, 4, "12", 0, null));
        metrics.runOnce();

        assertThat(gauge("llmref.consistency.behind")).isEqualTo(4);
        assertThat(gauge("llmref.consistency.behind.age")).isEqualTo(12);
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private static ConsistencyReport report(long pages, String pagesAge, long comparisons, String comparisonsAge,
            long sources, String sourcesAge) {
        return ConsistencyReport.of(CHECKED, new PageSection(pages, false, age(pagesAge), List.of()),
                new BacklogSection<>("page-service", List.of("comparison.pages.v1"), comparisons, false,
                        age(comparisonsAge), List.of()),
                new BacklogSection<>("comparison-service", List.of("catalog.models.v1"), sources, false,
                        age(sourcesAge), List.of()));
    }

    private static BigDecimal age(String seconds) {
        return seconds == null ? null : new BigDecimal(seconds);
    }
}
