package org.llmreference.pricing.routes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.pricing.routes.HistoryEntry.Kind;

/**
 * A route's dated prices as published in {@code RouteSnapshot.history}, read from its history
 * entries: every {@link Kind#APPLIED applied} change with route values (an edit, a scheduled change
 * once applied, an import), dated by when it took effect ({@code effectiveFrom}, else {@code at}),
 * oldest first, consecutive entries with the same six prices collapsed into the first of them. Only
 * the newest {@link #MAX_STEPS} steps are kept, so the event stays small however often a price moves.
 */
public final class PriceHistory {

    /** The most steps one route publishes (the newest ones). */
    public static final int MAX_STEPS = 100;

    private PriceHistory() {
    }

    /** The steps of one route's history entries (any order; other kinds and other routes' entries are skipped). */
    public static List<PriceStep> of(List<HistoryEntry> entries) {
        List<HistoryEntry> applied = entries.stream()
                .filter(e -> e.kind() == Kind.APPLIED && e.route() != null)
                .sorted(Comparator.comparing(PriceHistory::effective).thenComparing(HistoryEntry::at))
                .toList();
        List<PriceStep> steps = new ArrayList<>();
        for (HistoryEntry entry : applied) {
            PriceStep step = PriceStep.of(effective(entry), entry.route().terms(), origin(entry));
            if (steps.isEmpty() || !steps.get(steps.size() - 1).samePrices(step)) {
                steps.add(step);
            }
        }
        return steps.size() <= MAX_STEPS ? steps : List.copyOf(steps.subList(steps.size() - MAX_STEPS, steps.size()));
    }

    private static Instant effective(HistoryEntry entry) {
        return entry.effectiveFrom() != null ? entry.effectiveFrom() : entry.at();
    }

    /** {@code scheduled} for an applied scheduled change, else the provenance's origin ({@code editor} when unrecorded). */
    private static String origin(HistoryEntry entry) {
        if (entry.scheduledChangeId() != null) {
            return "scheduled";
        }
        return entry.provenance() != null ? entry.provenance().origin() : Provenance.EDITOR;
    }
}
