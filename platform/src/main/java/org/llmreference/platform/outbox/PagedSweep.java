package org.llmreference.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes every pending event of the collection, a page of {@value OutboxRelay#BATCH} aggregates at
 * a time by {@code _id}: one reply holding every pending event of a full rebuild would exceed the wire
 * protocol's message size (the server ignores {@code batchSize}). Keeps the gauges of what is still
 * pending, as of the last sweep.
 */
final class PagedSweep {

    private final OutboxCollection outbox;
    private final WavePublisher waves;
    private final HandedOverEvents handedOver;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeMillis = new AtomicLong();

    PagedSweep(OutboxCollection outbox, WavePublisher waves, HandedOverEvents handedOver, MeterRegistry meters) {
        this.outbox = outbox;
        this.waves = waves;
        this.handedOver = handedOver;
        Gauge.builder("llmref.outbox.pending", pending, AtomicLong::get)
                .description("events stored but not yet relayed, as of the last sweep").register(meters);
        Gauge.builder("llmref.outbox.oldest.pending.age", oldestPendingAgeMillis, age -> age.get() / 1000.0)
                .baseUnit("seconds").description("age of the oldest event not yet relayed, as of the last sweep")
                .register(meters);
    }

    /**
     * @return how many events were published
     * @throws OutboxRelayException when an event could not be published; what was not published stays pending
     */
    int publishAll() {
        // Stored before they were handed over: the sweep finds every one of them.
        handedOver.clear();
        int count = 0;
        long stillPending = 0;
        Instant oldest = null;
        Object after = null;
        while (true) {
            List<PendingAggregate> page = outbox.page(after, OutboxRelay.BATCH);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).id();
            for (PendingAggregate aggregate : page) {
                for (PendingEvent event : aggregate.events()) {
                    stillPending++;
                    if (event.storedAt() != null && (oldest == null || event.storedAt().isBefore(oldest))) {
                        oldest = event.storedAt();
                    }
                }
            }
            pending.set(stillPending);
            int sent;
            try {
                sent = waves.publishAndClear(page);
            } catch (OutboxRelayException e) {
                oldestPendingAgeMillis.set(oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis());
                throw e;
            } finally {
                handedOver.forget(page);
            }
            stillPending -= sent;
            count += sent;
        }
        pending.set(stillPending);
        oldestPendingAgeMillis.set(stillPending == 0 || oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis());
        return count;
    }
}
