package org.llmreference.comparison.comparisons;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.comparison.recompute.ComparisonSet.SourceChange;
import org.llmreference.platform.messaging.StorageOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The source changes waiting to be worked off, merged by model and kind: a newer change to a model's
 * facts (or prices) replaces the one still waiting. The source listeners {@linkplain #submit submit}
 * a change once its projection is stored; a planner thread takes every change waiting at that moment
 * and applies them to the {@link LiveComparisonSet} as one change, so a backlog (after an outage,
 * during a bulk import) recomputes and publishes each affected pair once rather than once per event,
 * while a lone edit is planned at once.
 *
 * <p>If applying them fails, they wait again (behind nothing newer for the same key) and the planner
 * pauses, doubling the pause up to five seconds. A change submitted but not yet published when the
 * service dies is not lost: the projection holds it, and the reconciliation at the next start
 * publishes whatever differs.
 */
@Component
public class SourceChangeQueue {

    private static final Logger log = LoggerFactory.getLogger(SourceChangeQueue.class);

    /** How long a backlog must stay without new changes before it is planned (see {@link #awaitBacklogSettling}). */
    static final Duration SETTLE_QUIET = Duration.ofMillis(100);

    /** The longest a backlog waits to settle. */
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(2);

    private final LiveComparisonSet comparisons;
    /** Source changes not yet planned, by model and kind; the newest per key. Guarded by itself. */
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private final Thread planner;
    private volatile boolean running = true;

    /** A submitted change and the edit behind it. */
    record Waiting(SourceChange change, Cause cause) {

        /** One entry per model and kind of change: a newer one replaces it. */
        String key() {
            return (change instanceof SourceChange.Model ? "model " : "prices ") + change.modelId();
        }
    }

    SourceChangeQueue(LiveComparisonSet comparisons, MeterRegistry meters) {
        this.comparisons = comparisons;
        Gauge.builder("llmref.comparisons.waiting", waiting, map -> {
            synchronized (map) {
                return map.size();
            }
        }).description("source changes stored in the projections but not yet planned").register(meters);
        this.planner = new Thread(this::planWhatIsWaiting, "comparison-planner");
        planner.setDaemon(true);
        planner.start();
    }

    /** Hands a source change, already stored in the projections, to the planner; returns at once. */
    public void submit(SourceChange change, Cause cause) {
        Waiting submitted = new Waiting(change, cause);
        synchronized (waiting) {
            waiting.remove(submitted.key());
            waiting.put(submitted.key(), submitted);
            waiting.notifyAll();
        }
    }

    /** Stops the planner once its current change is published; what is still waiting is in the projections. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        synchronized (waiting) {
            waiting.notifyAll();
        }
        planner.join(10_000);
    }

    private void planWhatIsWaiting() {
        long pause = 250;
        while (running) {
            List<Waiting> batch;
            synchronized (waiting) {
                try {
                    while (waiting.isEmpty() && running) {
                        waiting.wait();
                    }
                    awaitBacklogSettling();
                } catch (InterruptedException e) {
                    return;
                }
                batch = new ArrayList<>(waiting.values());
                waiting.clear();
            }
            if (batch.isEmpty()) {
                continue;
            }
            try {
                plan(batch);
                pause = 250;
            } catch (RuntimeException e) {
                if (StorageOutages.isOutage(e)) {
                    log.warn("MongoDB is unreachable; {} source changes wait to be planned: {}", batch.size(), e.getMessage());
                } else {
                    log.error("Planning {} source changes failed; they are planned again", batch.size(), e);
                }
                requeue(batch);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, 5_000);
            }
        }
    }

    /**
     * A lone change is planned at once. When several wait, a backlog is arriving (a bulk import, a
     * catch-up after an outage): wait until no new change has come for {@link #SETTLE_QUIET}, at most
     * {@link #SETTLE_LIMIT}, so the catalog's pairs are computed and published once for the whole
     * wave instead of once per slice of it. Called holding the monitor of {@code waiting}.
     */
    private void awaitBacklogSettling() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        int seen = waiting.size();
        while (seen > 1 && running && System.nanoTime() < deadline) {
            waiting.wait(SETTLE_QUIET.toMillis());
            if (waiting.size() == seen) {
                return;
            }
            seen = waiting.size();
        }
    }

    /** Puts a failed batch back, behind nothing newer for the same key. */
    private void requeue(List<Waiting> batch) {
        synchronized (waiting) {
            Map<String, Waiting> newer = new LinkedHashMap<>(waiting);
            waiting.clear();
            for (Waiting change : batch) {
                waiting.put(change.key(), change);
            }
            waiting.putAll(newer);
        }
    }

    private void plan(List<Waiting> batch) {
        PairCauses causes = PairCauses.of(batch);
        List<SourceChange> changes = batch.stream().map(Waiting::change).toList();
        comparisons.change(causes.trigger(), causes.newest(), causes, set -> set.changedWork(changes));
    }
}
