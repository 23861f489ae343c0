package org.llmreference.comparison.comparisons;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.instances.OwnedPartitions;
import org.llmreference.comparison.recompute.ComparisonSet;
import org.llmreference.comparison.recompute.ComparisonSet.Work;
import org.llmreference.contracts.PairId;
import org.llmreference.platform.tracing.CausedBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The {@link ComparisonSet} the service publishes from, kept in step with what was published. It is
 * built on first use from what is stored (the {@link Sources}, the {@link Curations}) and what was
 * last published ({@link PublishedState}), and reconciled at once: whatever changed while the service was down,
 * or in the computation itself, is published then. If publishing or storing a change fails, the set is
 * dropped and rebuilt on the next use, so memory never runs ahead of what was published and stored.
 *
 * <p>Two locks: {@code changes} is held by one change (or the first load) from its first slice to its
 * last; the set's own lock {@code state} only while a change is applied to it, while a slice is planned
 * and while a published slice is committed, and by readers. So readers (the pairs API, previews) never
 * wait for a whole change, only for the slice being planned or committed.
 *
 * <p>Every instance holds the whole set (the pair graph needs every model) but plans and publishes only
 * the pairs it owns ({@link OwnedPartitions}). Ownership changes between two changes, under
 * {@code changes}: partitions {@linkplain #revoked revoked} are no longer published once the change
 * under way is published and stored; partitions {@linkplain #assigned assigned} make the set load
 * again, from what their previous owner published and stored, and reconcile the pairs now owned.
 */
@Component
public class LiveComparisonSet {

    private static final Logger log = LoggerFactory.getLogger(LiveComparisonSet.class);

    private final ComparisonEngine engine;
    private final ComparisonSettings settings;
    private final Sources sources;
    private final Curations curations;
    private final PublishedState published;
    private final SlicePublisher slices;
    private final OwnedPartitions owned;
    private final Clock clock;
    private final MeterRegistry meters;
    /** One change (or the first load of the set) at a time, from its first slice to its last. */
    private final ReentrantLock changes = new ReentrantLock();
    /**
     * The set's memory: held to apply a change to it, to plan one slice, to commit a published slice, and
     * to read the set; taken after {@code changes}. Fair, so a waiting reader goes before the next slice.
     */
    private final ReentrantLock state = new ReentrantLock(true);
    private volatile ComparisonSet set;

    /** What one change recomputed and published, over all its slices. */
    public record Planned(int recomputed, int published) {
    }

    LiveComparisonSet(ComparisonEngine engine, ComparisonSettings settings, Sources sources, Curations curations,
            PublishedState published, SlicePublisher slices, OwnedPartitions owned, Clock clock, MeterRegistry meters) {
        this.engine = engine;
        this.settings = settings;
        this.sources = sources;
        this.curations = curations;
        this.published = published;
        this.slices = slices;
        this.owned = owned;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("llmref.comparisons.live", this, live -> {
            ComparisonSet current = live.set;
            return current == null ? Double.NaN : current.graph().livePairs().size();
        }).description("pairs that have a page").register(meters);
        Gauge.builder("llmref.comparisons.owned.partitions", owned, OwnedPartitions::count)
                .description("partitions of comparison.pages.v1 whose pairs this instance publishes").register(meters);
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

    /** Publishes what an editor's curation of the pair (already stored) changes. */
    public Planned curated(PairId pair, Cause cause) {
        return change("curation", cause, publication -> cause, set -> set.curatedWork(pair));
    }

    /** Publishes what withdrawing the curation of the pair (already stored) changes. */
    public Planned uncurated(PairId pair, Cause cause) {
        return change("curation", cause, publication -> cause, set -> set.uncuratedWork(pair));
    }

    /**
     * Applies one change to the set and publishes it, a slice at a time, holding {@code changes}
     * throughout and the set's lock for each slice.
     *
     * @param trigger what started it, for the log and the plan timer
     * @param cause   the newest edit behind it, for the log
     * @param causes  the edit each pair's publication is caused by
     * @param change  applies the change to the set and answers the work it leaves
     */
    Planned change(String trigger, Cause cause, Function<PairId, Cause> causes, Function<ComparisonSet, Work> change) {
        CausedBy.Scope logged = CausedBy.inLogs(cause.causedBy());
        changes.lock();
        try {
            long start = System.nanoTime();
            ComparisonSet current = loaded();
            Planned planned;
            try {
                Work work;
                state.lock();
                try {
                    work = change.apply(current).owned(owned::owns);
                } finally {
                    state.unlock();
                }
                planned = slices.publish(current, work, causes, trigger, cause, state);
            } catch (RuntimeException e) {
                drop();
                throw e;
            }
            Timer.builder("llmref.comparisons.plan").tag("trigger", trigger)
                    .description("time to recompute the affected pairs of one change and store what changed")
                    .register(meters).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return planned;
        } finally {
            changes.unlock();
            logged.close();
        }
    }

    /** The set, built and reconciled first if it is not loaded; called holding {@code changes}. */
    private ComparisonSet loaded() {
        if (set == null) {
            long start = System.nanoTime();
            ComparisonSet built = new ComparisonSet(engine, settings.peers(), sources.allModels(), sources.allPriceLists(),
                    curations.all(), published.load(owned));
            Cause reconciling = Cause.startingNow(clock.instant(), Cause.RECONCILIATION);
            Planned reconciliation = slices.publish(built, built.recomputeAllWork().owned(owned::owns),
                    pair -> reconciling, "reconcile", reconciling, state);
            set = built;
            log.info("Comparison set loaded in {} ms: {} live pairs, {} recomputed (owned), {} published on reconciliation",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), built.graph().livePairs().size(),
                    reconciliation.recomputed(), reconciliation.published());
        }
        return set;
    }

    /**
     * Takes on newly owned partitions once the change under way is done: the set is loaded again, so
     * what the previous owner published and stored (and what it sent but did not store) is the basis
     * of their pairs, and those pairs are reconciled at once. If MongoDB or Kafka cannot be read now,
     * the next change or read loads it.
     */
    public void assigned(Set<Integer> partitions) {
        changes.lock();
        try {
            owned.add(partitions);
            drop();
            loaded();
        } catch (RuntimeException e) {
            log.warn("Could not load the comparisons for partitions {} now owned; the next change will: {}", partitions,
                    e.toString());
        } finally {
            changes.unlock();
        }
    }

    /** Stops publishing pairs of these partitions; when it returns, nothing of them is being published. */
    public void revoked(Set<Integer> partitions) {
        changes.lock();
        try {
            owned.remove(partitions);
        } finally {
            changes.unlock();
        }
    }

    /** Forgets the set after a failed change: the next use rebuilds it from what was stored. */
    private void drop() {
        state.lock();
        try {
            set = null;
        } finally {
            state.unlock();
        }
    }
}
