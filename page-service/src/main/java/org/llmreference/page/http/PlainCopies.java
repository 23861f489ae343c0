package org.llmreference.page.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The plain (identity) bytes of the pages most often asked for without gzip, inflated once and kept,
 * so such a request copies bytes instead of inflating them every time.
 *
 * <p>Keyed by the representation's strong entity tag ({@code "<revision>-<hash of the plain bytes>"}): a
 * newer revision has another tag and is never answered with an older copy; a copy no longer asked for
 * ages out. Bounded by bytes (each copy's length plus {@link #ENTRY_OVERHEAD}), Caffeine's frequency-aware
 * eviction keeps the pages asked for most; maintenance runs on the calling thread, so the bound holds after
 * every write. A page larger than the whole budget is never kept.
 */
public final class PlainCopies {

    /** What an entry costs besides its bytes: the key, the array header, the cache's node. */
    static final int ENTRY_OVERHEAD = 160;

    private final long maxBytes;
    private final Cache<String, byte[]> copies;
    private final Counter hits;
    private final Counter misses;

    public PlainCopies(long maxBytes, MeterRegistry meters) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("the plain copies' budget must be 0 or positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.copies = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((String tag, byte[] bytes) -> weight(tag, bytes)).executor(Runnable::run).build();
        this.hits = Counter.builder("llmref.pages.plain.cache").tag("result", "hit")
                .description("identity answers of pages, from a kept plain copy").register(meters);
        this.misses = Counter.builder("llmref.pages.plain.cache").tag("result", "miss")
                .description("identity answers of pages, inflated from the gzip").register(meters);
        Gauge.builder("llmref.pages.plain.cache.entries", this, PlainCopies::entries)
                .description("plain copies of pages held in memory").register(meters);
        Gauge.builder("llmref.pages.plain.cache.bytes", this, PlainCopies::bytes).baseUnit("bytes")
                .description("memory of the plain copies held, their bytes and per-entry overhead").register(meters);
    }

    /**
     * Writes the plain bytes of {@code representation} to {@code out}: the ones it keeps itself, else a
     * copy held under its entity tag, else inflated from the gzip now (and kept, if the budget allows).
     */
    void writePlain(Representation representation, OutputStream out) throws IOException {
        Objects.requireNonNull(representation, "representation");
        if (representation.plain() != null || maxBytes == 0) {
            representation.writePlainTo(out);
            return;
        }
        byte[] copy = copies.getIfPresent(representation.etag());
        if (copy != null && copy.length == representation.plainLength()) {
            hits.increment();
            out.write(copy);
            return;
        }
        misses.increment();
        copy = Gzip.decompress(representation.gzip());
        if (copy.length + ENTRY_OVERHEAD <= maxBytes) {
            copies.put(representation.etag(), copy);
        }
        out.write(copy);
    }

    /** The copy held under {@code etag}, or null. */
    public byte[] held(String etag) {
        return copies.getIfPresent(etag);
    }

    /** How many copies are held. */
    public long entries() {
        return copies.estimatedSize();
    }

    /** The memory the copies held take: their bytes and each entry's overhead; never above the budget. */
    public long bytes() {
        return copies.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    public long maxBytes() {
        return maxBytes;
    }

    private static int weight(String tag, byte[] bytes) {
        return bytes.length + ENTRY_OVERHEAD;
    }
}
