package org.llmreference.page.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.ToLongFunction;

/**
 * A bounded map of what is served, by entries and by weight (bytes): adding beyond either bound
 * evicts the least recently used entries. Thread-safe (one lock; every operation is short).
 */
public final class LeastRecentlyUsed<K, V> {

    private final int maxEntries;
    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long weight;

    public LeastRecentlyUsed(int maxEntries, long maxWeight, ToLongFunction<V> weigher) {
        if (maxEntries < 1 || maxWeight < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry and one byte");
        }
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = Objects.requireNonNull(weigher, "weigher");
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    /**
     * Stores what {@code choose} picks from the present value (or null) and {@code offered}, and
     * answers it: e.g. keep whichever has the newer revision.
     */
    public synchronized V merge(K key, V offered, BinaryOperator<V> choose) {
        V present = entries.get(key);
        V chosen = present == null ? offered : choose.apply(present, offered);
        if (chosen != present) {
            if (present != null) {
                weight -= weigher.applyAsLong(present);
            }
            entries.put(key, chosen);
            weight += weigher.applyAsLong(chosen);
            evict();
        }
        return chosen;
    }

    public synchronized void put(K key, V value) {
        merge(key, value, (present, offered) -> offered);
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long weight() {
        return weight;
    }

    private void evict() {
        Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || weight > maxWeight) && eldest.hasNext()) {
            weight -= weigher.applyAsLong(eldest.next().getValue());
            eldest.remove();
        }
    }
}
