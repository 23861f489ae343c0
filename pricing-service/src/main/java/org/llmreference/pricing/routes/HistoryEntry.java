package org.llmreference.pricing.routes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One accepted change of one route, kept for good.
 *
 * @param at                when it was accepted (or, for a scheduled change, applied or dropped)
 * @param route             the route's values the change concerns (absent for a withdrawal)
 * @param changedFields     what it changed in the published route ({@code ["route"]} for a new one)
 * @param revision          the price list revision it produced, if it was published
 * @param reason            why: the reason the editor gave ({@code X-Llmref-Reason}), or why a scheduled
 *                          change was dropped
 * @param provenance        where the values came from (null for entries written before it was recorded)
 * @param author            the account id of the editor who made the change (a scheduled change applied
 *                          later: who scheduled it); null for entries written before it was recorded
 */
public record HistoryEntry(Instant at, Kind kind, String providerId, Route route, List<String> changedFields,
        String sourceUrl, Instant effectiveFrom, UUID scheduledChangeId, Long revision, String reason,
        Provenance provenance, String author) {

    public enum Kind {
        APPLIED, SCHEDULED, CANCELLED, WITHDRAWN, DROPPED;

        public String wireName() {
            return name().toLowerCase();
        }
    }

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(providerId, "providerId");
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    /** An entry whose author is not known yet ({@link #by} names it when the change is stored). */
    public HistoryEntry(Instant at, Kind kind, String providerId, Route route, List<String> changedFields,
            String sourceUrl, Instant effectiveFrom, UUID scheduledChangeId, Long revision, String reason,
            Provenance provenance) {
        this(at, kind, providerId, route, changedFields, sourceUrl, effectiveFrom, scheduledChangeId, revision, reason,
                provenance, null);
    }

    /** This entry made by {@code author}, for {@code reason} unless it has one already. */
    public HistoryEntry by(String author, String reason) {
        return new HistoryEntry(at, kind, providerId, route, changedFields, sourceUrl, effectiveFrom, scheduledChangeId,
                revision, this.reason != null ? this.reason : reason, provenance, author);
    }

    /** An entry without provenance. */
    public HistoryEntry(Instant at, Kind kind, String providerId, Route route, List<String> changedFields,
            String sourceUrl, Instant effectiveFrom, UUID scheduledChangeId, Long revision, String reason) {
        this(at, kind, providerId, route, changedFields, sourceUrl, effectiveFrom, scheduledChangeId, revision, reason,
                null);
    }
}
