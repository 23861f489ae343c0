package org.llmreference.comparison.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;

@WithInfrastructure
class OwnershipTest {

    private static final Set<Integer> ALL = Set.of(0, 1, 2, 3, 4, 5);

    @Test
    void twoMembersSplitThePartitionsAndTheSurvivorOwnsAllWhenOneLeaves(TestInfrastructure infrastructure)
            throws Exception {
        String group = "comparison-service.owners-" + UUID.randomUUID();
        Set<Integer> revokedFromFirst = ConcurrentHashMap.newKeySet();
        try (Ownership first = ownership(infrastructure, group, 1, revokedFromFirst).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.owned().equals(ALL));
            Ownership second = ownership(infrastructure, group, 2, new HashSet<>()).start();
            try {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(first.owned()).isNotEmpty();
                    assertThat(second.owned()).isNotEmpty();
                    assertThat(first.owned()).doesNotContainAnyElementsOf(second.owned());
                    Set<Integer> both = new HashSet<>(first.owned());
                    both.addAll(second.owned());
                    assertThat(both).isEqualTo(ALL);
                });
                assertThat(revokedFromFirst).containsExactlyInAnyOrderElementsOf(second.owned());
            } finally {
                second.close();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> first.owned().equals(ALL));
        }
    }

    private static Ownership ownership(TestInfrastructure infrastructure, String group, int instance,
            Set<Integer> revoked) {
        return new Ownership(infrastructure.kafkaBootstrapServers(), "comparison.pages.v1", group, instance,
                Duration.ofSeconds(10), Duration.ofSeconds(1), assigned -> { }, revoked::addAll);
    }
}
