package org.llmreference.pricing.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.pricing.routes.PriceListTest.route;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.pricing.routes.HistoryEntry.Kind;

/** The dated prices a route publishes, read from its history. */
class PriceHistoryTest {

    static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void threeEditsPublishThreeStepsOldestFirstTheLastBeingThePriceInForce() {
        PriceList list = PriceList.none("m");
        list = list.put("p", "P", route("1", "2"), T0, T0, null).after();
        list = list.put("p", "P", route("1", "1.5"), T0.plusSeconds(60), T0.plusSeconds(60), null).after();
        PriceListChange third = list.put("p", "P", route("0.8", "1.5"), T0.plusSeconds(120), T0.plusSeconds(120), null);

        RouteSnapshot published = ((RouteChanged) third.events().get(0)).routes().get(0);

        assertThat(published.history()).extracting(PriceStep::effectiveFrom)
                .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
        assertThat(published.history()).extracting(s -> s.outputPricePerMTok().toPlainString())
                .containsExactly("2", "1.5", "1.5");
        assertThat(published.history().get(2).inputPricePerMTok()).isEqualByComparingTo("0.8");
        assertThat(published.history()).extracting(PriceStep::origin).containsOnly("editor");
    }

    @Test
    void aChangeThatLeavesThePricesAloneAddsNoStep() {
        PriceList list = PriceList.none("m").put("p", "P", route("1", "2"), T0, T0, null).after();
        Route sameNewSource = new Route(new org.llmreference.contracts.pricing.RouteTerms(route("1", "2").terms()
                .inputPricePerMTok(), route("1", "2").terms().outputPricePerMTok(), null, null, null, null, List.of(),
                131_072, null, null, "https://example.org/elsewhere", null));
        PriceListChange change = list.put("p", "P", sameNewSource, T0.plusSeconds(60), T0.plusSeconds(60), null);

        assertThat(change.events()).hasSize(1);
        assertThat(((RouteChanged) change.events().get(0)).routes().get(0).history()).singleElement()
                .satisfies(step -> assertThat(step.effectiveFrom()).isEqualTo(T0));
    }

    @Test
    void aScheduledChangeIsDatedWhenItTookEffectAndOtherKindsAreSkipped() {
        Instant due = T0.plus(Duration.ofDays(10));
        List<HistoryEntry> entries = List.of(
                new HistoryEntry(T0, Kind.APPLIED, "p", route("1", "2"), List.of("route"), null, T0, null, 1L, null),
                new HistoryEntry(T0.plusSeconds(5), Kind.SCHEDULED, "p", route("9", "9"), List.of(), null, due,
                        UUID.randomUUID(), null, null),
                new HistoryEntry(due.plusSeconds(3), Kind.APPLIED, "p", route("1", "1"), List.of("outputPricePerMTok"),
                        null, due, UUID.randomUUID(), 2L, null));

        assertThat(PriceHistory.of(entries)).extracting(PriceStep::effectiveFrom, PriceStep::origin)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(T0, "editor"),
                        org.assertj.core.groups.Tuple.tuple(due, "scheduled"));
    }

    @Test
    void onlyTheNewestStepsAreKept() {
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < PriceHistory.MAX_STEPS + 20; i++) {
            Instant at = T0.plusSeconds(i);
            entries.add(new HistoryEntry(at, Kind.APPLIED, "p", route("1", String.valueOf(i + 1)), List.of(), null, at,
                    null, (long) i + 1, null));
        }

        List<PriceStep> steps = PriceHistory.of(entries);

        assertThat(steps).hasSize(PriceHistory.MAX_STEPS);
        assertThat(steps.get(0).outputPricePerMTok()).isEqualByComparingTo("21");
        assertThat(steps.get(steps.size() - 1).outputPricePerMTok()).isEqualByComparingTo(String.valueOf(PriceHistory.MAX_STEPS + 20));
    }

    @Test
    void aBulkEditOfAListReadWithoutItsHistoryPublishesNoPartialHistory() {
        PriceList stored = PriceList.none("m").put("p", "P", route("1", "2"), T0, T0, null).after();
        PriceList withoutHistory = new PriceList("m", stored.revision(), stored.routes(), List.of(), List.of(), true);

        PriceListChange change = withoutHistory.putAll(List.of(new PriceList.RoutePut("p", "P", route("1", "1"))),
                T0.plusSeconds(60));

        assertThat(((RouteChanged) change.events().get(0)).routes().get(0).history()).isEmpty();
        assertThat(((RouteChanged) stored.putAll(List.of(new PriceList.RoutePut("p", "P", route("1", "1"))),
                T0.plusSeconds(60)).events().get(0)).routes().get(0).history()).hasSize(2);
    }
}
