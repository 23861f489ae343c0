package org.llmreference.comparison.instances;

import java.util.Set;
import java.util.TreeSet;

import org.llmreference.contracts.PairId;

/**
 * The partitions of {@code comparison.pages.v1}, and so the pairs, this instance publishes: those the
 * owners group assigned it ({@link Ownership}), or every one where a single process publishes
 * everything (a test's own comparison set). Changed only by the comparison set, between two changes.
 */
public final class OwnedPartitions {

    private final int partitions;
    private final boolean everything;
    private volatile Set<Integer> owned = Set.of();

    private OwnedPartitions(int partitions, boolean everything) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic has at least one partition, was " + partitions);
        }
        this.partitions = partitions;
        this.everything = everything;
    }

    /** Owns nothing until partitions are {@linkplain #add added}. */
    public static OwnedPartitions assignedOf(int partitions) {
        return new OwnedPartitions(partitions, false);
    }

    /** Owns every pair, for good. */
    public static OwnedPartitions everything() {
        return new OwnedPartitions(1, true);
    }

    public boolean owns(PairId pair) {
        return everything || owned.contains(PairPartitions.partitionOf(pair, partitions));
    }

    public boolean owns(int partition) {
        return everything || owned.contains(partition);
    }

    /** How many partitions it owns. */
    public int count() {
        return everything ? partitions : owned.size();
    }

    public void add(Set<Integer> added) {
        Set<Integer> now = new TreeSet<>(owned);
        now.addAll(added);
        owned = Set.copyOf(now);
    }

    public void remove(Set<Integer> removed) {
        Set<Integer> now = new TreeSet<>(owned);
        now.removeAll(removed);
        owned = Set.copyOf(now);
    }
}
