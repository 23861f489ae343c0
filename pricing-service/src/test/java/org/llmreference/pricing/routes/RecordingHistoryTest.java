package org.llmreference.pricing.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.pricing.routes.PriceListTest.route;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.UpstreamSource;
import org.llmreference.pricing.routes.HistoryEntry.Kind;

/** Upstream's past recorded into a price list: dated entries, no change to the routes in force, idempotent. */
class RecordingHistoryTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String C1 = "1".repeat(40);
    static final String C2 = "2".repeat(40);
    static final String C3 = "3".repeat(40);
    static final String PATH = "providers/groq/models/openai/gpt-oss-20b.toml";

    static PriceList imported() {
        Route current = route("0.075", "0.3").withUpstream(new UpstreamSource("openai/gpt-oss-20b", PATH, C3,
                Instant.parse("2026-05-01T00:00:00Z"), List.of()));
        return PriceList.none("gpt-oss-20b").putAll(List.of(new PriceList.RoutePut("groq", "Groq", current)), NOW).after();
    }

    static List<PastStep> steps() {
        return List.of(new PastStep("groq", Kind.APPLIED, route("0.1", "0.5"), Instant.parse("2025-08-06T10:00:00Z"), C1, PATH),
                new PastStep("groq", Kind.APPLIED, route("0.075", "0.3"), Instant.parse("2025-11-20T09:30:00Z"), C2, PATH),
                new PastStep("cerebras", Kind.WITHDRAWN, route("0.2", "0.6"), Instant.parse("2025-12-01T00:00:00Z"), C2,
                        "providers/cerebras/models/gpt-oss-20b.toml"));
    }

    @Test
    void recordsEachStepAtItsCommitDateWithItsProvenanceAndLeavesTheRoutesInForce() {
        PriceList before = imported();

        PriceListChange change = before.recordHistory(steps());

        assertThat(change.after().routes()).isEqualTo(before.routes());
        assertThat(change.entries()).extracting(HistoryEntry::at, HistoryEntry::effectiveFrom, HistoryEntry::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2025-08-06T10:00:00Z"), Instant.parse("2025-08-06T10:00:00Z"), Kind.APPLIED),
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2025-11-20T09:30:00Z"), Instant.parse("2025-11-20T09:30:00Z"), Kind.APPLIED),
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2025-12-01T00:00:00Z"), Kind.WITHDRAWN));
        assertThat(change.entries().get(0).changedFields()).containsExactly("route");
        assertThat(change.entries().get(1).changedFields()).containsExactly("inputPricePerMTok", "outputPricePerMTok");
        assertThat(change.entries().get(1).provenance())
                .isEqualTo(new Provenance(Provenance.HISTORY_IMPORT, C2, PATH, null, null));
        assertThat(change.after().historyOf("groq")).extracting(HistoryEntry::at).first()
                .isEqualTo(Instant.parse("2025-08-06T10:00:00Z"));
    }

    @Test
    void publishesTheLongerHistoryOnceWithTheRoutesAsTheyAre() {
        PriceList before = imported();

        PriceListChange change = before.recordHistory(steps());

        assertThat(change.after().revision()).isEqualTo(before.revision() + 1);
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(RouteChanged.class, event -> {
            assertThat(event.changedFields()).containsExactly("history");
            assertThat(event.routes()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("history")
                    .isEqualTo(before.snapshots());
            assertThat(event.routes()).singleElement().satisfies(route -> assertThat(route.history())
                    .extracting(PriceStep::effectiveFrom, PriceStep::outputPricePerMTok, PriceStep::origin)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Instant.parse("2025-08-06T10:00:00Z"), new BigDecimal("0.5"), Provenance.HISTORY_IMPORT),
                            org.assertj.core.groups.Tuple.tuple(Instant.parse("2025-11-20T09:30:00Z"), new BigDecimal("0.3"), Provenance.HISTORY_IMPORT)));
        });
    }

    @Test
    void recordingTheSameHistoryAgainAddsNothing() {
        PriceList once = imported().recordHistory(steps()).after();

        assertThat(once.recordHistory(steps()).isEmpty()).isTrue();
        PriceListChange oneMore = once.recordHistory(List.of(new PastStep("groq", Kind.APPLIED, route("0.05", "0.2"),
                Instant.parse("2026-01-10T00:00:00Z"), "4".repeat(40), PATH)));
        assertThat(oneMore.entries()).singleElement().satisfies(entry -> assertThat(entry.changedFields())
                .as("compared with the step before it").containsExactly("inputPricePerMTok", "outputPricePerMTok"));
    }

    @Test
    void aPriceListWithoutRoutesGetsItsHistoryWithoutAnEvent() {
        PriceList empty = new PriceList("gpt-oss-20b", 3, List.of(), List.of(), List.of(), true);

        PriceListChange change = empty.recordHistory(steps());

        assertThat(change.entries()).hasSize(3);
        assertThat(change.publishes()).isFalse();
        assertThat(change.after().revision()).isEqualTo(3);
    }

    @Test
    void anEditorsPriceChangeClearsTheUpstreamSourceAndTheSameFiguresKeepIt() {
        PriceList before = imported();

        PriceList same = before.put("groq", "Groq", route("0.075", "0.3"), NOW, NOW, null).after();
        PriceList changed = before.put("groq", "Groq", route("0.07", "0.3"), NOW, NOW, null).after();

        assertThat(same.revision()).isEqualTo(before.revision());
        assertThat(same.route("groq").orElseThrow().route().upstream()).isNotNull();
        assertThat(changed.route("groq").orElseThrow().route().upstream()).isNull();
        assertThat(changed.snapshots().get(0).upstream()).isNull();
    }
}
