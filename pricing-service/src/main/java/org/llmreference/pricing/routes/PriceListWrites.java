package org.llmreference.pricing.routes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.platform.outbox.OutboxRelay;
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
