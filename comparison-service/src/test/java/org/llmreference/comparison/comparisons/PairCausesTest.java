package org.llmreference.comparison.comparisons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.comparison.comparisons.SourceChangeQueue.Waiting;
import org.llmreference.comparison.recompute.ComparisonSet.SourceChange;
import org.llmreference.contracts.PairId;

class PairCausesTest {

    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    private final Cause olderEditOfA = new Cause("edit-a", NOON, "pricing.RouteChanged.v1");
    private final Cause newerEditOfB = new Cause("edit-b", NOON.plusSeconds(5), "pricing.RouteChanged.v1");
    private final Cause newestEditOfC = new Cause("edit-c", NOON.plusSeconds(9), "catalog.ModelChanged.v1");

    @Test
    void aPairIsCausedByTheNewerEditOfItsTwoModels() {
        PairCauses causes = PairCauses.of(List.of(prices("a", olderEditOfA), prices("b", newerEditOfB),
                prices("c", newestEditOfC)));

        assertThat(causes.apply(PairId.of("a", "b"))).isEqualTo(newerEditOfB);
        assertThat(causes.apply(PairId.of("a", "x"))).isEqualTo(olderEditOfA);
    }

    @Test
    void aPairOfNeitherChangedModelIsCausedByTheNewestEditOfTheBacklog() {
        PairCauses causes = PairCauses.of(List.of(prices("a", olderEditOfA), prices("c", newestEditOfC),
                prices("b", newerEditOfB)));

        assertThat(causes.apply(PairId.of("x", "y"))).isEqualTo(newestEditOfC);
        assertThat(causes.newest()).isEqualTo(newestEditOfC);
        assertThat(causes.trigger()).isEqualTo("backlog");
    }

    @Test
    void aLoneChangeIsNamedForItsKind() {
        assertThat(PairCauses.of(List.of(prices("a", olderEditOfA))).trigger()).isEqualTo("prices");
    }

    private static Waiting prices(String model, Cause cause) {
        return new Waiting(new SourceChange.Prices(model, List.of()), cause);
    }
}
