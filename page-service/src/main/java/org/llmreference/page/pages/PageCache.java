package org.llmreference.page.pages;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.llmreference.page.PageSettings;
import org.llmreference.page.http.LeastRecentlyUsed;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The pages being served, in memory in front of {@link Pages}: filled when a page is rendered, loaded
 * from MongoDB on a miss, bounded by {@code llmref.page.cache-pages} and
 * {@code llmref.page.cache-size} (least recently used out first). An entry is only ever replaced by a
 * newer revision, so a slow load can never put an older page over one just rendered. A page served
 * before it is stored ({@link #offerUnstored}) is also held outside those bounds until it is
 * ({@link #stored}): evicted meanwhile, a miss would otherwise read the older page MongoDB still has.
 */
@Component
public class PageCache {

    private final Pages pages;
    private final LeastRecentlyUsed<String, ServedPage> entries;
    private final Map<String, ServedPage> unstored = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;

    PageCache(Pages pages, PageSettings settings, MeterRegistry meters) {
        this.pages = pages;
        this.entries = new LeastRecentlyUsed<>(settings.cachePages(), settings.cacheSize().toBytes(), ServedPage::weight);
        this.hits = Counter.builder("llmref.pages.cache").tag("result", "hit").description("page lookups").register(meters);
        this.misses = Counter.builder("llmref.pages.cache").tag("result", "miss").description("page lookups").register(meters);
        Gauge.builder("llmref.pages.cache.entries", entries, LeastRecentlyUsed::size).description("pages held in memory")
                .register(meters);
        Gauge.builder("llmref.pages.cache.bytes", entries, LeastRecentlyUsed::weight).baseUnit("bytes")
                .description("approximate memory of the pages held").register(meters);
    }

    /** The stored page of a pair (live or gone), ready to serve, from memory or else from MongoDB. */
    public Optional<ServedPage> get(String pairId) {
        ServedPage cached = entries.get(pairId);
        if (cached != null) {
            hits.increment();
            return Optional.of(cached);
        }
        misses.increment();
        ServedPage notStoredYet = unstored.get(pairId);
        return (notStoredYet != null ? Optional.of(notStoredYet) : pages.find(pairId)).map(this::offer);
    }

    /**
     * The page held in memory under exactly {@code pairId} (a hit), else empty without looking further
     * (not counted: the caller goes on to {@link #get}).
     */
    public Optional<ServedPage> held(String pairId) {
        ServedPage cached = entries.get(pairId);
        if (cached == null) {
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(cached);
    }

    /** Keeps {@code page} unless a newer revision is already held; answers the one held. */
    public ServedPage offer(ServedPage page) {
        return entries.merge(page.page().pairId(), page,
                (present, offered) -> offered.page().revision() > present.page().revision() ? offered : present);
    }

    /** Serves {@code page}, which is not stored yet, and holds it until {@link #stored} says it is. */
    ServedPage offerUnstored(ServedPage page) {
        unstored.merge(page.page().pairId(), page, ServedPage::newer);
        return offer(page);
    }

    /** The pair's page is stored at {@code revision}: a page held until then need no longer be held beyond the bounds. */
    void stored(String pairId, long revision) {
        unstored.computeIfPresent(pairId, (key, held) -> held.page().revision() <= revision ? null : held);
    }

    /** Moves a held page whose content did not change on to a newer revision (nothing when it is not held). */
    void advance(String pairId, long revision, String causedBy) {
        unstored.computeIfPresent(pairId,
                (key, held) -> held.page().revision() < revision ? held.atRevision(revision, causedBy) : held);
        ServedPage held = entries.get(pairId);
        if (held != null && held.page().revision() < revision) {
            entries.merge(pairId, held.atRevision(revision, causedBy),
                    (present, offered) -> offered.page().revision() > present.page().revision() ? offered : present);
        }
    }
}
