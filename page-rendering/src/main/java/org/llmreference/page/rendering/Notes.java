package org.llmreference.page.rendering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.contracts.comparison.Fact;
import org.llmreference.contracts.comparison.FactRow;

/**
 * The footnotes of a page's table cells: one numbered note per distinct source (title, URL and
 * verified date), in the order the cells appear. A note verified more than {@value #STALE_AFTER_DAYS}
 * days before the page was rendered is possibly stale.
 */
final class Notes {

    static final int STALE_AFTER_DAYS = 90;

    /**
     * @param href     the source URL when it may be a link (http or https), else null
     * @param url      the source URL as given, shown as text when it may not be a link
     * @param verified the verified date as shown, null when unknown
     */
    record Note(int number, String title, String href, String url, String verified, boolean stale) {

        String id() {
            return "note-" + number;
        }

        /** What the cell says on hover: the source and when it was verified (the URL is in the note). */
        String hover() {
            String text = "Source: " + (title != null ? title : url != null ? url : "unnamed")
                    + (verified == null ? "" : ", verified " + verified);
            return stale ? text + " (possibly stale: verified more than " + STALE_AFTER_DAYS + " days before this page)"
                    : text;
        }
    }

    private record Key(String title, String url, LocalDate verifiedAt) {
    }

    private final LocalDate staleBefore;
    private final Map<Key, Note> byKey = new HashMap<>();
    private final List<Note> notes = new ArrayList<>();

    /** @param renderedAt when the page is rendered; null when unknown (then nothing is marked stale) */
    Notes(Instant renderedAt) {
        this.staleBefore = renderedAt == null ? null
                : LocalDate.ofInstant(renderedAt, ZoneOffset.UTC).minusDays(STALE_AFTER_DAYS);
    }

    /** Whether something verified on that date is possibly stale now. */
    boolean stale(LocalDate verifiedAt) {
        return staleBefore != null && verifiedAt != null && verifiedAt.isBefore(staleBefore);
    }

    /** Numbers the fact's source unless it has none or is numbered already. */
    void add(Fact fact) {
        Key key = key(fact);
        if (key != null && !byKey.containsKey(key)) {
            Note note = new Note(notes.size() + 1, blankToNull(fact.sourceTitle()), Links.external(fact.sourceUrl()),
                    blankToNull(fact.sourceUrl()), fact.verifiedAt() == null ? null : fact.verifiedAt().toString(),
                    stale(fact.verifiedAt()));
            byKey.put(key, note);
            notes.add(note);
        }
    }

    /** The fact's note, or null when it has no source. */
    Note of(Fact fact) {
        Key key = key(fact);
        return key == null ? null : byKey.get(key);
    }

    /**
     * The note every sourced cell of a table column shares (cells without a source aside), or null
     * when the column's cells come from different sources or none: the column header then carries
     * the footnote mark instead of every cell.
     */
    Note column(List<FactRow> rows, boolean modelA) {
        Note shared = null;
        for (FactRow row : rows) {
            Note note = row == null ? null : of(modelA ? row.a() : row.b());
            if (note != null) {
                if (shared != null && shared != note) {
                    return null;
                }
                shared = note;
            }
        }
        return shared;
    }

    List<Note> all() {
        return notes;
    }

    boolean anyStale() {
        return notes.stream().anyMatch(Note::stale);
    }

    /** The oldest verified date among the possibly stale notes, or null when none is stale. */
    LocalDate oldestStale() {
        return notes.stream().filter(Note::stale).map(note -> LocalDate.parse(note.verified())).min(LocalDate::compareTo)
                .orElse(null);
    }

    /** The cell's text, {@code "-"} when unknown. */
    static String text(Fact fact) {
        return fact == null ? Formats.UNKNOWN : Formats.text(fact.text());
    }

    private static Key key(Fact fact) {
        if (fact == null || (blankToNull(fact.sourceUrl()) == null && fact.verifiedAt() == null)) {
            return null;
        }
        return new Key(blankToNull(fact.sourceTitle()), blankToNull(fact.sourceUrl()), fact.verifiedAt());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
