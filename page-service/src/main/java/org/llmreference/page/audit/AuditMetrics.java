package org.llmreference.page.audit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The consistency audit, run on a schedule ({@code llmref.page.audit.metrics-interval}, default 1 min;
 * 0 turns it off) so Prometheus can alert when the pages stay behind the editors' changes:
 * <ul>
 * <li>{@code llmref.consistency.behind} ({@code llmref_consistency_behind}): the items of the last
 * complete audit, over its three sections (0 when consistent);</li>
 * <li>{@code llmref.consistency.behind.age} ({@code llmref_consistency_behind_age_seconds}): the age of
 * the oldest of them when that audit ran (0 when consistent);</li>
 * <li>{@code llmref.consistency.audit.age} ({@code llmref_consistency_audit_age_seconds}): how long ago
 * the last complete audit ran (NaN, absent in Prometheus, before the first). An audit that could not
 * check everything (Kafka or MongoDB away) keeps the figures of the last complete one, so this grows.</li>
 * </ul>
 */
final class AuditMetrics implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditMetrics.class);

    private final Supplier<Object> audit;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile Completed last;

    private record Completed(Instant checkedAt, long behind, double oldestAgeSeconds) {
    }

    /**
     * @param audit    one audit: a {@link ConsistencyReport} when everything could be checked, anything else when not
     * @param interval how often to run it; zero or negative: never (the gauges stay absent)
     */
    AuditMetrics(Supplier<Object> audit, MeterRegistry meters, Clock clock, Duration interval) {
        this.audit = audit;
        this.clock = clock;
        Gauge.builder("llmref.consistency.behind", this, metrics -> metrics.lastOr(Completed::behind))
                .description("items behind (pages, comparison events, source events) at the last complete consistency audit")
                .register(meters);
        Gauge.builder("llmref.consistency.behind.age", this, metrics -> metrics.lastOr(Completed::oldestAgeSeconds))
                .baseUnit("seconds").description("age of the oldest item behind at the last complete consistency audit")
                .register(meters);
        Gauge.builder("llmref.consistency.audit.age", this, AuditMetrics::secondsSinceLastAudit).baseUnit("seconds")
                .description("time since the last complete consistency audit").register(meters);
        if (interval.isNegative() || interval.isZero()) {
            this.scheduler = null;
            return;
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "consistency-audit");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs one audit and keeps its figures when it could check everything. */
    void runOnce() {
        Object result;
        try {
            result = audit.get();
        } catch (RuntimeException e) {
            log.warn("Scheduled consistency audit failed; the consistency metrics keep the last complete audit", e);
            return;
        }
        if (result instanceof ConsistencyReport report) {
            long behind = report.pagesBehindComparisons().count() + report.comparisonEventsNotApplied().count()
                    + report.comparisonsBehindSources().count();
            double oldest = Stream.of(report.pagesBehindComparisons().oldestAgeSeconds(),
                    report.comparisonEventsNotApplied().oldestAgeSeconds(),
                    report.comparisonsBehindSources().oldestAgeSeconds())
                    .filter(Objects::nonNull).map(BigDecimal::doubleValue).max(Double::compare).orElse(0.0);
            last = new Completed(report.checkedAt(), behind, oldest);
        } else {
            log.debug("Scheduled consistency audit incomplete; the consistency metrics keep the last complete audit");
        }
    }

    private double lastOr(ToDoubleFunction<Completed> value) {
        Completed completed = last;
        return completed == null ? Double.NaN : value.applyAsDouble(completed);
    }

    private double secondsSinceLastAudit() {
        Completed completed = last;
        return completed == null ? Double.NaN
                : Math.max(0, Duration.between(completed.checkedAt(), clock.instant()).toMillis() / 1000.0);
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
