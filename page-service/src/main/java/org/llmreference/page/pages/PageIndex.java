package org.llmreference.page.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every page the service has stored, without HTML, in memory: what the front page, the model
 * pages, the sitemap and the feed are built from. Loaded from MongoDB on first use (at start) and
 * updated with each stored page, a newer revision only. {@link #version()} moves on with every
 * update, so views built from the index know when they are out of date.
 */
@Component
public class PageIndex {

    private static final Logger log = LoggerFactory.getLogger(PageIndex.class);

    private final Pages pages;
    private final Map<String, IndexedPage> byPair = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final ReentrantLock loading = new ReentrantLock();
    private volatile boolean loaded;
    private volatile Instant lastUpdated = Instant.EPOCH;

    PageIndex(Pages pages, MeterRegistry meters) {
        this.pages = pages;
        Gauge.builder("llmref.pages.live", this, index -> index.loaded ? index.live().size() : Double.NaN)
                .description("comparison pages served with 200").register(meters);
    }

    /** Records a stored page, unless a newer revision of it is known. */
    public void update(IndexedPage page) {
        ensureLoaded();
        merge(page);
    }

    public Optional<IndexedPage> find(String pairId) {
        ensureLoaded();
        return Optional.ofNullable(byPair.get(pairId));
    }

    /** Every page, live and gone. */
    public List<IndexedPage> all() {
        ensureLoaded();
        return List.copyOf(byPair.values());
    }

    public List<IndexedPage> live() {
        ensureLoaded();
        List<IndexedPage> live = new ArrayList<>();
        for (IndexedPage page : byPair.values()) {
            if (page.live()) {
                live.add(page);
            }
        }
        return live;
    }

    /** The pages of one model, live and gone. */
    public List<IndexedPage> of(String modelId) {
        ensureLoaded();
        List<IndexedPage> of = new ArrayList<>();
        for (IndexedPage page : byPair.values()) {
            if (page.contains(modelId)) {
                of.add(page);
            }
        }
        return of;
    }

    /** Whether {@code modelId} has a live comparison other than {@code exceptPairId}. */
    public boolean hasLiveComparisons(String modelId, String exceptPairId) {
        ensureLoaded();
        for (IndexedPage page : byPair.values()) {
            if (page.live() && page.contains(modelId) && !page.pairId().equals(exceptPairId)) {
                return true;
            }
        }
        return false;
    }

    /** Moves on with every change; a view built at one version is current while it stays. */
    public long version() {
        ensureLoaded();
        return version.get();
    }

    /** The newest render time of any page: nothing built from the index changed after it. */
    public Instant lastUpdated() {
        ensureLoaded();
        return lastUpdated;
    }

    /** Loads the index now (at start), so the first visitor does not wait for it. */
    public void load() {
        ensureLoaded();
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        loading.lock();
        try {
            if (!loaded) {
                long start = System.nanoTime();
                Collection<IndexedPage> stored = pages.index();
                stored.forEach(this::merge);
                loaded = true;
                log.info("Page index loaded in {} ms: {} pages", (System.nanoTime() - start) / 1_000_000, stored.size());
            }
        } finally {
            loading.unlock();
        }
    }

    private void merge(IndexedPage page) {
        byPair.merge(page.pairId(), page, (present, offered) -> offered.revision() > present.revision() ? offered : present);
        synchronized (this) {
            if (page.renderedAt() != null && page.renderedAt().isAfter(lastUpdated)) {
                lastUpdated = page.renderedAt();
            }
        }
        version.incrementAndGet();
    }
}
