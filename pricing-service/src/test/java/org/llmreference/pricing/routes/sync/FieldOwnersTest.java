package org.llmreference.pricing.routes.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.llmreference.pricing.routes.HistoryEntry;
import org.llmreference.pricing.routes.HistoryEntry.Kind;
import org.llmreference.pricing.routes.Provenance;

class FieldOwnersTest {

    static final Provenance SYNC = new Provenance(Provenance.SYNC, "abcdef1", null, null, null);
    static final Provenance EDITOR = new Provenance(Provenance.EDITOR, null, null, null, null);
    static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    static HistoryEntry applied(int minute, List<String> fields, Provenance by) {
        return new HistoryEntry(T.plusSeconds(60L * minute), Kind.APPLIED, "p", null, fields, null, null, null, 1L, null, by);
    }

    @Test
    void aTermBelongsToTheEditorWhenTheEditorChangedItLast() {
        List<HistoryEntry> history = List.of(applied(0, List.of("route"), SYNC),
                applied(1, List.of("inputPricePerMTok", "sourceUrl"), EDITOR),
                applied(2, List.of("outputPricePerMTok", "sourceUrl"), SYNC));

        assertThat(FieldOwners.editorOwned(history)).containsExactly("inputPricePerMTok");
    }

    @Test
    void aRouteAnEditorCreatedIsTheEditorsInEveryTerm() {
        assertThat(FieldOwners.editorOwned(List.of(applied(0, List.of("route"), EDITOR))))
                .containsExactlyElementsOf(FieldOwners.TERMS);
    }

    @Test
    void entriesWithoutProvenanceAreTheImportedStartingPoint() {
        assertThat(FieldOwners.editorOwned(List.of(applied(0, List.of("route"), null),
                applied(1, List.of("inputPricePerMTok"), null)))).isEmpty();
    }

    @Test
    void aScheduledChangeCountsAsWhoeverScheduledIt() {
        UUID id = UUID.randomUUID();
        HistoryEntry scheduled = new HistoryEntry(T, Kind.SCHEDULED, "p", null, List.of(), null, T, id, null, null,
                EDITOR);
        HistoryEntry cameDue = new HistoryEntry(T.plusSeconds(60), Kind.APPLIED, "p", null, List.of("outputPricePerMTok"),
                null, T, id, 2L, null, null);

        assertThat(FieldOwners.editorOwned(List.of(applied(0, List.of("route"), SYNC), scheduled, cameDue)))
                .containsExactly("outputPricePerMTok");
    }
}
