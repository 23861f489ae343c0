package org.llmreference.page.pages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.llmreference.page.comparisons.Comparisons;
import org.llmreference.page.comparisons.StoredComparison;
import org.llmreference.page.reach.PageReached;
import org.llmreference.page.reach.PagesReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import jakarta.annotation.PreDestroy;

/**
 * Stores, behind the pages already served, what each comparison event left: the pair's comparison,
 * its page (rendered, or moved on to a newer revision with the same content) and the page the edit
 * reached. One thread takes whatever is waiting, keeps the newest write of each pair, stores it in
 * one bulk write per collection, every write guarded by revision, and only then acknowledges the
 * events' records, so their Kafka offsets are committed after everything they produced is stored: a
 * crash replays them and loses nothing.
 *
 * <p>While MongoDB does not take a batch, the thread tries it again (200 ms, doubling to 5 s) for
 * as long as it takes; the pages stay served from memory meanwhile ({@link PageCache#offerUnstored})
 * and the records unacknowledged, so the consumers stop after their current poll. A page MongoDB holds
 * at the same or a newer revision (stored by another instance sharing the database) replaces the one
 * in memory.
 */
@Component
class WriteBehind {

    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);

    /** At most this many events' writes go into one bulk write. */
    static final int MAX_BATCH = 500;
    /** Writes waiting beyond this many make the consumers wait (they stop after each poll anyway). */
    static final int CAPACITY = 10_000;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    /** A page whose content did not change, moved on to a newer revision. */
    record Advance(String pairId, long revision, String causedBy) {
    }

    /**
     * What one event left to store (each part may be null), and how to acknowledge its record once it
     * is stored.
     */
    record Pending(StoredComparison comparison, ServedPage page, Advance advance, PageReached reached,
            Runnable acknowledge) {
    }

    private final Comparisons comparisons;
    private final Pages pages;
    private final PageCache cache;
    private final PageIndex index;
    private final PagesReached reached;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Timer writes;
    private final Counter failures;
    private final Thread writer;
    private volatile boolean running = true;

    WriteBehind(Comparisons comparisons, Pages pages, PageCache cache, PageIndex index, PagesReached reached,
            MeterRegistry meters) {
        this.comparisons = comparisons;
        this.pages = pages;
        this.cache = cache;
        this.index = index;
        this.reached = reached;
        this.writes = Timer.builder("llmref.pages.write.behind")
                .description("storing one batch of comparisons and pages, after they are served")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.failures = Counter.builder("llmref.pages.write.behind.failures")
                .description("batches MongoDB did not take; each is tried again").register(meters);
        Gauge.builder("llmref.pages.unstored", this, behind -> behind.queue.size() + behind.inFlight.get())
                .description("events whose comparison and page are served but not stored yet").register(meters);
        this.writer = new Thread(this::run, "page-write-behind");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Leaves {@code pending} to store; waits while {@value #CAPACITY} writes are waiting already.
     *
     * @throws IllegalStateException when interrupted while waiting (the record is delivered again)
     */
    void submit(Pending pending) {
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to store page " + pairOf(pending), e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(10));
        if (!queue.isEmpty()) {
            log.info("{} events not stored at shutdown; their records are delivered again at the next start",
                    queue.size());
        }
    }

    private void run() {
        while (running) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                inFlight.set(batch.size());
                storeUntilTaken(batch);
            } catch (InterruptedException e) {
                return;
            } finally {
                inFlight.set(0);
            }
            for (Pending pending : batch) {
                acknowledge(pending);
            }
        }
    }

    private void storeUntilTaken(List<Pending> batch) throws InterruptedException {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1;; attempt++) {
            try {
                store(batch);
                return;
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("{} pages served but not stored yet (attempt {}, next in {} ms): {}", batch.size(), attempt,
                        pause.toMillis(), e.toString());
                if (!running) {
                    throw new InterruptedException("stopping");
                }
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** Stores the newest write of each pair in {@code batch}; throws when MongoDB did not take them. */
    void store(List<Pending> batch) {
        long start = System.nanoTime();
        Map<String, StoredComparison> newestComparisons = new LinkedHashMap<>();
        Map<String, ServedPage> newestPages = new LinkedHashMap<>();
        Map<String, Advance> newestAdvances = new LinkedHashMap<>();
        List<PageReached> reachedPages = new ArrayList<>();
        for (Pending pending : batch) {
            if (pending.comparison() != null) {
                newestComparisons.merge(pending.comparison().pairId(), pending.comparison(),
                        (present, offered) -> offered.revision() > present.revision() ? offered : present);
            }
            if (pending.page() != null) {
                newestPages.merge(pending.page().page().pairId(), pending.page(), ServedPage::newer);
            }
            if (pending.advance() != null) {
                newestAdvances.merge(pending.advance().pairId(), pending.advance(),
                        (present, offered) -> offered.revision() > present.revision() ? offered : present);
            }
            if (pending.reached() != null) {
                reachedPages.add(pending.reached());
            }
        }
        // a page rendered and then moved on within the batch is stored once, at the newer revision
        newestAdvances.values().removeIf(advance -> {
            ServedPage rendered = newestPages.get(advance.pairId());
            if (rendered == null) {
                return false;
            }
            if (advance.revision() > rendered.page().revision()) {
                newestPages.put(advance.pairId(), rendered.atRevision(advance.revision(), advance.causedBy()));
            }
            return true;
        });

        comparisons.storeAll(newestComparisons.values());
        Set<String> stale = pages.storeAll(newestPages.values(), newestAdvances.values());
        reached.recordAll(reachedPages);
        for (String pairId : stale) {
            pages.find(pairId).ifPresent(newer -> {
                cache.offer(newer);
                index.update(newer.page());
            });
        }
        newestPages.values().forEach(page -> cache.stored(page.page().pairId(), page.page().revision()));
        newestAdvances.values().forEach(advance -> cache.stored(advance.pairId(), advance.revision()));
        writes.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        log.debug("stored {} comparisons and {} pages behind the pages served", newestComparisons.size(),
                newestPages.size() + newestAdvances.size());
    }

    private static void acknowledge(Pending pending) {
        try {
            pending.acknowledge().run();
        } catch (RuntimeException e) {
            // the partition moved to another consumer meanwhile: it gets the record again and finds it stored
            log.info("could not acknowledge the event of page {} (delivered again): {}", pairOf(pending), e.toString());
        }
    }

    private static String pairOf(Pending pending) {
        if (pending.comparison() != null) {
            return pending.comparison().pairId();
        }
        if (pending.page() != null) {
            return pending.page().page().pairId();
        }
        return pending.advance() != null ? pending.advance().pairId() : "?";
    }
}
