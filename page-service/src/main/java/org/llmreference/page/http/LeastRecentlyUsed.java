package org.llmreference.page.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BinaryOperator;
import java.util.function.ToLongFunction;

/**
 * A bounded map of what is served, by entries and by weight (bytes): adding beyond either bound
 * evicts the least recently used entries. Thread-safe: writes take one lock; a read takes none (it
 * looks the value up in a concurrent map) and moves the entry to the most recently used end only when
 * that lock is free at once. Every request of a page reads here, and under load the threads serving
 * them waited on one another for the lock (profiled: 5.7 s of 20 s blocked); a read that finds the lock
 * taken leaves the order as it is, so under contention the order is approximate.
 */
public final class LeastRecentlyUsed<K, V> {

    private final int maxEntries;
    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    private final ReentrantLock lock = new ReentrantLock();
    /** What is held: read without the lock, written under it together with {@link #entries}. */
    private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>(256);
    /** The same entries in access order (least recently used first), under the lock. */
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

    public V get(K key) {
        V value = values.get(key);
        if (value != null && lock.tryLock()) {
            try {
                entries.get(key);
            } finally {
                lock.unlock();
            }
        }
        return value;
    }

    /**
     * Stores what {@code choose} picks from the present value (or null) and {@code offered}, and
     * answers it: e.g. keep whichever has the newer revision.
     */
    public V merge(K key, V offered, BinaryOperator<V> choose) {
        lock.lock();
        try {
            V present = entries.get(key);
            V chosen = present == null ? offered : choose.apply(present, offered);
            if (chosen != present) {
                if (present != null) {
                    weight -= weigher.applyAsLong(present);
                }
                entries.put(key, chosen);
                values.put(key, chosen);
                weight += weigher.applyAsLong(chosen);
                evict();
            }
            return chosen;
        } finally {
            lock.unlock();
        }
    }

    public void put(K key, V value) {
        merge(key, value, (present, offered) -> offered);
    }

    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    public long weight() {
        lock.lock();
        try {
            return weight;
        } finally {
            lock.unlock();
        }
    }

    private void evict() {
        Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || weight > maxWeight) && eldest.hasNext()) {
            Map.Entry<K, V> entry = eldest.next();
            weight -= weigher.applyAsLong(entry.getValue());
            values.remove(entry.getKey(), entry.getValue());
            eldest.remove();
        }
    }
}
