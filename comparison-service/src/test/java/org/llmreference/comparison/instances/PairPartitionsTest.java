package org.llmreference.comparison.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.PairId;

class PairPartitionsTest {

    @Test
    void aPairLandsInThePartitionTheProducersDefaultPartitionerChoosesForItsKey() {
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            PairId pair = PairId.of("model-" + i, "other-" + (i * 7 % 31));
            for (int partitions : new int[] {1, 3, 6, 12}) {
                int expected = BuiltInPartitioner.partitionForKey(pair.toString().getBytes(StandardCharsets.UTF_8),
                        partitions);
                assertThat(PairPartitions.partitionOf(pair, partitions)).as("%s among %d", pair, partitions)
                        .isEqualTo(expected);
                if (partitions == 3) {
                    used.add(expected);
                }
            }
        }
        assertThat(used).containsExactlyInAnyOrder(0, 1, 2);
    }
}
