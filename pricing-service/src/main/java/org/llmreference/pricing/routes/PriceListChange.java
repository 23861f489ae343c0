package org.llmreference.pricing.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.llmreference.contracts.pricing.PricingEvent;

/**
 * What one or more operations on a price list amount to: the state before and after, the history
 * entries to append and the events to publish, in order, each moving the revision by one. The
 * service that stores it wraps the events in their envelopes ({@link PriceListWrites#announce}), and
 * {@link PriceLists} stores all of it in one single-document write guarded by {@code before.revision()}.
 *
 * @param removesScheduled the scheduled change this resolves (applied or dropped), or {@code null}
 */
public record PriceListChange(PriceList before, PriceList after, List<HistoryEntry> entries,
        List<PricingEvent> events, UUID removesScheduled) {

    public PriceListChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        entries = List.copyOf(entries);
        events = List.copyOf(events);
    }

    /** Nothing to store. */
    public static PriceListChange none(PriceList priceList) {
        return new PriceListChange(priceList, priceList, List.of(), List.of(), null);
    }

    public boolean isEmpty() {
        return entries.isEmpty() && removesScheduled == null;
    }

    /** Whether the published routes changed (a new revision). */
    public boolean publishes() {
        return !events.isEmpty();
    }

    /** This change followed by {@code next}, which was computed from {@link #after()}: one write for both. */
    public PriceListChange andThen(PriceListChange next) {
        if (next.before() != after) {
            throw new IllegalArgumentException("the next change must start from this change's result");
        }
        if (removesScheduled != null && next.removesScheduled() != null) {
            throw new IllegalArgumentException("one write resolves at most one scheduled change");
        }
        List<HistoryEntry> allEntries = new ArrayList<>(entries);
        allEntries.addAll(next.entries());
        List<PricingEvent> allEvents = new ArrayList<>(events);
        allEvents.addAll(next.events());
        return new PriceListChange(before, next.after(), allEntries, allEvents,
                removesScheduled != null ? removesScheduled : next.removesScheduled());
    }
}
