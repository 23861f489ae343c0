package org.llmreference.comparison.comparisons;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.contracts.PairId;
import org.llmreference.comparison.pairs.CuratedPairs;
import org.llmreference.comparison.recompute.ComparisonSet;
import org.llmreference.comparison.recompute.ComparisonSet.SourceChange;
import org.llmreference.comparison.recompute.ComparisonSet.Work;
import org.llmreference.comparison.recompute.Plan;
import org.llmreference.comparison.recompute.Publication;
import org.llmreference.comparison.sources.SourceProjections;
import org.llmreference.platform.messaging.StorageOutages;
import org.llmreference.platform.tracing.CausedBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Keeps the {@link ComparisonSet} in step with what is stored, and turns source changes into stored
 * publications: plan (recompute the affected pairs, keep those whose content changed), store each
 * with its pending event, then commit. One change at a time, worked off in slices of {@value #SLICE}
 * publications (each stored and committed before the next is computed). Readers of the set (the pairs
 * API) never wait for a whole change: a change holds {@code changes} from start to end, and the set's
 * own lock only while it plans a slice and while it commits it once stored.
 *
 * <p>Source events are {@linkplain #submit submitted}: the listener has already stored the
 * projection, and a planner thread takes every change waiting at that moment as one plan, so a
 * backlog (after an outage, during a bulk import) recomputes and publishes each affected pair once
 * rather than once per event, while a lone edit is planned at once. A change submitted but not yet
 * stored when the service dies is not lost: the projection holds it, and the reconciliation at the
 * next start publishes whatever differs. Each publication carries the cause of the newest waiting
 * change to one of its two models (or of the newest change, for a pair only a graph change touched).
 *
 * <p>The set is built from MongoDB on first use (the projections, the curated pairs and what was
 * published) and reconciled at once: whatever changed while the service was down, or in the
 * computation itself, is published then. If storing a plan fails, the set is dropped and rebuilt
 * from MongoDB on the next use, so memory never runs ahead of what was stored. This service runs as
 * one instance: the pair graph needs every model.
 */
@Component
public class ComparisonPublisher {

    private static final Logger log = LoggerFactory.getLogger(ComparisonPublisher.class);

    private static final int LOGGED_PAIRS = 10;

    /**
     * Publications computed, stored and committed together: a change that touches the whole catalog
     * (a bulk import, a reconciliation) is worked off in slices, so memory holds at most this many
     * comparisons of it and each slice's pages can be on their way while the next is computed.
     */
    static final int SLICE = 250;

    /** How long a backlog must stay without new changes before it is planned (see {@link #awaitBacklogSettling}). */
    static final Duration SETTLE_QUIET = Duration.ofMillis(100);

    /** The longest a backlog waits to settle. */
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(2);

    private final ComparisonEngine engine;
    private final ComparisonSettings settings;
    private final SourceProjections sources;
    private final CuratedPairs curatedPairs;
    private final Comparisons comparisons;
    private final Clock clock;
    /** One change (or the first load of the set) at a time, from its first slice to its last. */
    private final ReentrantLock changes = new ReentrantLock();
    /**
     * The set's memory: held to apply a change to it, to plan one slice, to commit a stored slice, and to
     * read the set; taken after {@code changes}. Fair, so a waiting reader goes before the next slice.
     */
    private final ReentrantLock state = new ReentrantLock(true);
    private final Counter recomputed;
    private final Counter unchanged;
    private final Counter changed;
    private final Counter withdrawn;
    private final MeterRegistry meters;
    private volatile ComparisonSet set;
    /** Source changes not yet planned, by model and kind; the newest per key. Guarded by itself. */
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private final Thread planner;
    private volatile boolean running = true;

    /** A submitted change and the edit behind it. */
    private record Waiting(SourceChange change, Cause cause) {

        /** One entry per model and kind of change: a newer one replaces it. */
        String key() {
            return (change instanceof SourceChange.Model ? "model " : "prices ") + change.modelId();
        }
    }

    ComparisonPublisher(ComparisonEngine engine, ComparisonSettings settings, SourceProjections sources,
            CuratedPairs curatedPairs, Comparisons comparisons, Clock clock, MeterRegistry meters) {
        this.engine = engine;
        this.settings = settings;
        this.sources = sources;
        this.curatedPairs = curatedPairs;
        this.comparisons = comparisons;
        this.clock = clock;
        this.meters = meters;
        this.recomputed = Counter.builder("llmref.comparisons.recomputed").description("pairs recomputed").register(meters);
        this.unchanged = Counter.builder("llmref.comparisons.unchanged")
                .description("pairs recomputed whose content hash had not changed: nothing published").register(meters);
        this.changed = Counter.builder("llmref.comparisons.published").tag("event", "changed")
                .description("comparison events stored for publishing").register(meters);
        this.withdrawn = Counter.builder("llmref.comparisons.published").tag("event", "withdrawn")
                .description("comparison events stored for publishing").register(meters);
        Gauge.builder("llmref.comparisons.live", this, publisher -> {
            ComparisonSet current = publisher.set;
            return current == null ? Double.NaN : current.graph().livePairs().size();
        }).description("pairs that have a page").register(meters);
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

    /** Stops the planner once its current plan is stored; what is still waiting is in the projections. */
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

    private Planned plan(List<Waiting> batch) {
        Cause newest = batch.stream().map(Waiting::cause).max(Comparator.comparing(Cause::occurredAt)).orElseThrow();
        Map<String, Cause> byModel = new LinkedHashMap<>();
        for (Waiting change : batch) {
            byModel.merge(change.change().modelId(), change.cause(),
                    (a, b) -> b.occurredAt().isAfter(a.occurredAt()) ? b : a);
        }
        Function<PairId, Cause> causes = pair -> {
            Cause a = byModel.get(pair.a());
            Cause b = byModel.get(pair.b());
            if (a == null || b == null) {
                return a != null ? a : b != null ? b : newest;
            }
            return b.occurredAt().isAfter(a.occurredAt()) ? b : a;
        };
        String trigger = batch.size() == 1 ? (batch.get(0).change() instanceof SourceChange.Model ? "model" : "prices")
                : "backlog";
        return change(trigger, newest, causes, set -> set.changedWork(batch.stream().map(Waiting::change).toList()));
    }

    public Planned curated(PairId pair, Cause cause) {
        return change("curation", cause, set -> set.curatedWork(pair));
    }

    public Planned uncurated(PairId pair, Cause cause) {
        return change("curation", cause, set -> set.uncuratedWork(pair));
    }

    /**
     * Reads the set (the pair graph, the models). While a change is under way the reader sees the set
     * between two of its slices: the change's graph, and the comparisons published so far. The first
     * read waits for the set to be loaded.
     */
    public <T> T read(Function<ComparisonSet, T> query) {
        state.lock();
        try {
            ComparisonSet current = set;
            if (current != null) {
                return query.apply(current);
            }
        } finally {
            state.unlock();
        }
        changes.lock();
        try {
            ComparisonSet current = loaded();
            state.lock();
            try {
                return query.apply(current);
            } finally {
                state.unlock();
            }
        } finally {
            changes.unlock();
        }
    }

    private Planned change(String trigger, Cause cause, Function<ComparisonSet, Work> change) {
        return change(trigger, cause, pair -> cause, change);
    }

    /** What one change recomputed and published, over all its slices. */
    public record Planned(int recomputed, int published) {
    }

    /**
     * Plans and stores one change, a slice at a time, holding {@code changes} throughout and the set's
     * lock for each slice; {@code cause} is the newest edit behind it, for the log.
     */
    private Planned change(String trigger, Cause cause, Function<PairId, Cause> causes,
            Function<ComparisonSet, Work> change) {
        CausedBy.Scope logged = CausedBy.inLogs(cause.causedBy());
        changes.lock();
        try {
            long start = System.nanoTime();
            ComparisonSet current = loaded();
            Work work;
            state.lock();
            try {
                work = change.apply(current);
            } finally {
                state.unlock();
            }
            Planned planned = storeInSlices(current, work, causes, trigger, cause);
            Timer.builder("llmref.comparisons.plan").tag("trigger", trigger)
                    .description("time to recompute the affected pairs of one change and store what changed")
                    .register(meters).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return planned;
        } finally {
            changes.unlock();
            logged.close();
        }
    }

    /** Computes, stores and commits the work a slice at a time, logging each stored slice. */
    private Planned storeInSlices(ComparisonSet target, Work work, Function<PairId, Cause> causes, String trigger,
            Cause cause) {
        int recomputedPairs = 0;
        int publishedPairs = 0;
        while (!work.done()) {
            Plan slice;
            state.lock();
            try {
                slice = target.next(work, SLICE);
            } finally {
                state.unlock();
            }
            store(target, slice, causes);
            recomputedPairs += slice.recomputed();
            publishedPairs += slice.publications().size();
            if (!slice.isEmpty()) {
                log.info("{}: {} pairs recomputed, {} published {} causedBy={}", trigger, slice.recomputed(),
                        slice.publications().size(), published(slice), cause.causedBy());
            }
        }
        return new Planned(recomputedPairs, publishedPairs);
    }

    /** The pairs a plan publishes, for the log line: the first few, then how many more. */
    private static String published(Plan plan) {
        List<Publication> publications = plan.publications();
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < publications.size() && i < LOGGED_PAIRS; i++) {
            text.append(i == 0 ? "" : ", ").append(publications.get(i).pair());
        }
        if (publications.size() > LOGGED_PAIRS) {
            text.append(", ... ").append(publications.size() - LOGGED_PAIRS).append(" more");
        }
        return text.append(']').toString();
    }

    /** The set, built and reconciled first if it is not loaded; called holding {@code changes}. */
    private ComparisonSet loaded() {
        if (set == null) {
            long start = System.nanoTime();
            ComparisonSet built = new ComparisonSet(engine, settings.peers(), sources.allModels(), sources.allPriceLists(),
                    curatedPairs.all(), comparisons.publishedState());
            Cause reconciling = Cause.startingNow(clock.instant(), Cause.RECONCILIATION);
            Planned reconciliation = storeInSlices(built, built.recomputeAllWork(), pair -> reconciling, "reconcile",
                    reconciling);
            set = built;
            log.info("Comparison set loaded in {} ms: {} live pairs, {} recomputed, {} published on reconciliation",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), built.graph().livePairs().size(),
                    reconciliation.recomputed(), reconciliation.published());
        }
        return set;
    }

    /** Stores a slice (readers are not held up by the write), then commits it to the set under its lock. */
    private void store(ComparisonSet target, Plan plan, Function<PairId, Cause> causes) {
        try {
            comparisons.store(plan, causes, clock.instant());
        } catch (RuntimeException e) {
            state.lock();
            try {
                set = null;
            } finally {
                state.unlock();
            }
            throw e;
        }
        state.lock();
        try {
            target.commit(plan);
        } finally {
            state.unlock();
        }
        recomputed.increment(plan.recomputed());
        long changes = plan.publications().stream().filter(Publication.Changed.class::isInstance).count();
        changed.increment(changes);
        withdrawn.increment(plan.publications().size() - changes);
        unchanged.increment(Math.max(0, plan.recomputed() - changes));
    }
}
