package org.llmreference.pricing.routes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.platform.audit.AuditEntry;
import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.security.Caller;
import org.llmreference.platform.web.EditReason;
import org.llmreference.pricing.routes.PriceLists.Announced;
import org.llmreference.pricing.routes.PriceLists.Write;
import org.springframework.stereotype.Component;

/**
 * Stores what a price list operation computed, as the services of this package do: its events go
 * in their envelopes here (not in the aggregate), the change and its envelopes are stored in one
 * guarded write, and the outbox relay is woken when something is to be published.
 */
@Component
class PriceListWrites {

    private final PriceLists priceLists;
    private final OutboxRelay relay;

    PriceListWrites(PriceLists priceLists, OutboxRelay relay) {
        this.priceLists = priceLists;
        this.relay = relay;
    }

    /**
     * The change with its events in envelopes, accepted at {@code at}: each event starts a new chain
     * and carries the revision it produced (the change moves the revision by one per event).
     */
    static Announced announce(PriceListChange change, Instant at) {
        return announce(change, at, null);
    }

    /** Like {@link #announce(PriceListChange, Instant)}, but every event continues the chain {@code causedBy} started. */
    static Announced announce(PriceListChange change, Instant at, String causedBy) {
        change = authored(change);
        String modelId = change.before().modelId();
        long revision = change.before().revision();
        List<Envelope<PricingEvent>> events = new ArrayList<>();
        for (PricingEvent event : change.events()) {
            revision++;
            events.add(causedBy == null ? Envelope.startingChain(event, modelId, revision, at)
                    : Envelope.of(event, modelId, revision, at, causedBy));
        }
        return new Announced(change, events);
    }

    /**
     * The change with the author and reason of each history entry: the caller of the request being
     * handled and the reason it gave; for a scheduled change applied or dropped, whoever scheduled it
     * and why.
     */
    static PriceListChange authored(PriceListChange change) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (HistoryEntry entry : change.entries()) {
            ScheduledChange scheduled = entry.scheduledChangeId() == null ? null
                    : change.before().scheduledChange(entry.scheduledChangeId()).orElse(null);
            if (entry.author() != null) {
                entries.add(entry);
            } else if (scheduled != null && entry.kind() != HistoryEntry.Kind.CANCELLED) {
                entries.add(entry.by(scheduled.requestedBy() == null ? AuditEntry.SYSTEM : scheduled.requestedBy(),
                        scheduled.reason()));
            } else {
                entries.add(authored(entry));
            }
        }
        return new PriceListChange(change.before(), change.after(), entries, change.events(), change.removesScheduled());
    }

    /** The entry by the caller of the request being handled, with the reason it gave. */
    static HistoryEntry authored(HistoryEntry entry) {
        return entry.author() != null ? entry
                : entry.by(Caller.currentId().orElse(AuditEntry.SYSTEM), EditReason.current().orElse(null));
    }

    /** Stores the announced change; wakes the relay when it stored events to publish. */
    Write store(Announced announced) {
        Write write = priceLists.store(announced);
        if (write == Write.STORED && announced.change().publishes()) {
            relay.wake(announced.change().before().modelId());
        }
        return write;
    }

    /** Announces {@code change} at {@code at} and stores it. */
    Write store(PriceListChange change, Instant at) {
        return store(announce(change, at));
    }
}
