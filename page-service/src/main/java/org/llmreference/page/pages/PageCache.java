package org.llmreference.page.pages;

import java.util.Optional;

import org.llmreference.page.PageSettings;
import org.llmreference.page.http.LeastRecentlyUsed;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The pages being served, in memory in front of {@link Pages}: filled when a page is stored, loaded
 * from MongoDB on a miss, bounded by {@code llmref.page.cache-pages} and
 * {@code llmref.page.cache-size} (least recently used out first). An entry is only ever replaced by a
 * newer revision, so a slow load can never put an older page over one just stored.
 */
@Component
public class PageCache {

    private final Pages pages;
    private final LeastRecentlyUsed<String, StoredPage> entries;
    private final Counter hits;
    private final Counter misses;

    PageCache(Pages pages, PageSettings settings, MeterRegistry meters) {
        this.pages = pages;
        this.entries = new LeastRecentlyUsed<>(settings.cachePages(), settings.cacheSize().toBytes(), StoredPage::weight);
        this.hits = Counter.builder("llmref.pages.cache").tag("result", "hit").description("page lookups").register(meters);
        this.misses = Counter.builder("llmref.pages.cache").tag("result", "miss").description("page lookups").register(meters);
        Gauge.builder("llmref.pages.cache.entries", entries, LeastRecentlyUsed::size).description("pages held in memory")
                .register(meters);
        Gauge.builder("llmref.pages.cache.bytes", entries, LeastRecentlyUsed::weight).baseUnit("bytes")
                .description("approximate memory of the pages held").register(meters);
    }

    /** The stored page of a pair (live or gone), from memory or else from MongoDB. */
    public Optional<StoredPage> get(String pairId) {
        StoredPage cached = entries.get(pairId);
        if (cached != null) {
            hits.increment();
            return Optional.of(cached);
        }
        misses.increment();
        return pages.findServable(pairId).map(this::offer);
    }

    /** Keeps {@code page} unless a newer revision is already held; answers the one held. */
    public StoredPage offer(StoredPage page) {
        return entries.merge(page.pairId(), page.servable(),
                (present, offered) -> offered.revision() > present.revision() ? offered : present);
    }
}
