package org.llmreference.comparison.instances;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;
import org.llmreference.contracts.PairId;

/**
 * The partition of {@code comparison.pages.v1} a pair's events land in: the producer's default
 * partitioner for a non-null key, applied to the exact key bytes the publisher sends (the pair id
 * as UTF-8). The instance that owns that partition in the owners group owns the pair.
 */
public final class PairPartitions {

    private PairPartitions() {
    }

    /** The partition of a pair's events among {@code partitions} partitions. */
    public static int partitionOf(PairId pair, int partitions) {
        return partitionOfKey(pair.toString(), partitions);
    }

    /** The partition of a record key among {@code partitions} partitions. */
    static int partitionOfKey(String key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic has at least one partition, was " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
