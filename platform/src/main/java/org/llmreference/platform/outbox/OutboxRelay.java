package org.llmreference.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.bson.Document;
import org.llmreference.contracts.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the events that wait in aggregate documents, in the order they were stored, then
 * removes each from its document. A writer calls {@link #wake(Object)} with the aggregate's id after
 * a change, so its events leave at once (one lookup by {@code _id}); a sweep of every collection
 * every {@code sweepInterval} picks up whatever is left (after a restart, or while Kafka was
 * unreachable). An event can be published twice (a crash between send and removal);
 * consumers skip it by revision. Each published event is logged with its {@code causedBy} in the
 * logging context, so an edit's chain can be followed from the service that accepted it.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** The logging-context key of the edit an event belongs to, as in event consumption. */
    private static final String CAUSED_BY = "causedBy";

    private final List<OutboxSource> sources;
    private final StreamBridge streamBridge;
    private final Duration sweepInterval;
    private final Duration retryDelay;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeMillis = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private final Set<Object> wokenIds = ConcurrentHashMap.newKeySet();
    private boolean woken;
    private boolean sweepRequested;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(List<OutboxSource> sources, StreamBridge streamBridge, Duration sweepInterval,
            Duration retryDelay, MeterRegistry meters) {
        this.sources = List.copyOf(sources);
        this.streamBridge = streamBridge;
        this.sweepInterval = sweepInterval;
        this.retryDelay = retryDelay;
        this.published = Counter.builder("llmref.outbox.published").description("events relayed to Kafka")
                .register(meters);
        this.failures = Counter.builder("llmref.outbox.failures")
                .description("relay rounds that stopped because an event could not be published").register(meters);
        Gauge.builder("llmref.outbox.pending", pending, AtomicLong::get)
                .description("events stored but not yet relayed, as of the last relay round").register(meters);
        Gauge.builder("llmref.outbox.oldest.pending.age", oldestPendingAgeMillis, age -> age.get() / 1000.0)
                .baseUnit("seconds").description("age of the oldest event not yet relayed").register(meters);
    }

    /** Asks the relay to publish the pending events of one aggregate now (call after storing its change). */
    public void wake(Object aggregateId) {
        wokenIds.add(aggregateId);
        signal(false);
    }

    /** Asks the relay to sweep every collection now. */
    public void wake() {
        signal(true);
    }

    private void signal(boolean sweep) {
        lock.lock();
        try {
            woken = true;
            sweepRequested |= sweep;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Publishes the pending events of the aggregates named by {@link #wake(Object)}. */
    private void relayWoken() {
        for (Object id : List.copyOf(wokenIds)) {
            wokenIds.remove(id);
            for (OutboxSource source : sources) {
                Document aggregate = source.collection()
                        .find(Filters.and(Filters.eq("_id", id), Filters.exists(PendingEvent.FIELD + ".0")))
                        .projection(new Document(PendingEvent.FIELD, 1)).first();
                if (aggregate != null) {
                    publishAndClear(source, aggregate, pendingEvents(aggregate));
                }
            }
        }
    }

    /**
     * Publishes everything pending now, in the caller's thread.
     *
     * @return how many events were published
     * @throws OutboxRelayException when an event could not be published; what was not published stays pending
     */
    public int relayPending() {
        int count = 0;
        long stillPending = 0;
        Instant oldest = null;
        for (OutboxSource source : sources) {
            for (Document aggregate : source.collection().find(Filters.exists(PendingEvent.FIELD + ".0"))
                    .projection(new Document(PendingEvent.FIELD, 1))) {
                List<PendingEvent> events = pendingEvents(aggregate);
                for (PendingEvent event : events) {
                    if (oldest == null || (event.storedAt() != null && event.storedAt().isBefore(oldest))) {
                        oldest = event.storedAt();
                    }
                }
                stillPending += events.size();
                publishAndClear(source, aggregate, events);
                stillPending -= events.size();
                count += events.size();
            }
        }
        pending.set(stillPending);
        oldestPendingAgeMillis.set(stillPending == 0 || oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis());
        return count;
    }

    /**
     * Publishes an aggregate's pending events in order, then clears those published with one write (a
     * backlog of many events on one aggregate costs one document update, not one each). When a publish
     * fails, the events before it are cleared and the failure is thrown; the rest stay pending.
     */
    private void publishAndClear(OutboxSource source, Document aggregate, List<PendingEvent> events) {
        List<String> sent = new ArrayList<>();
        try {
            for (PendingEvent event : events) {
                publish(source, event);
                sent.add(event.eventId());
                logPublished(event);
            }
        } finally {
            if (!sent.isEmpty()) {
                source.collection().updateOne(Filters.eq("_id", aggregate.get("_id")),
                        Updates.pull(PendingEvent.FIELD, Filters.in("eventId", sent)));
                published.increment(sent.size());
            }
        }
    }

    private static void logPublished(PendingEvent event) {
        String outerCause = MDC.get(CAUSED_BY);
        if (event.causedBy() != null) {
            MDC.put(CAUSED_BY, event.causedBy());
        }
        try {
            log.info("published {} {} event {} to {} causedBy={}", event.type(), event.key(), event.eventId(),
                    event.topic(), event.causedBy());
        } finally {
            if (outerCause == null) {
                MDC.remove(CAUSED_BY);
            } else {
                MDC.put(CAUSED_BY, outerCause);
            }
        }
    }

    private void publish(OutboxSource source, PendingEvent event) {
        Message<byte[]> message = MessageBuilder.withPayload(event.payload())
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
                .setHeader(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8))
                .setHeader(EventHeaders.EVENT_ID, event.eventId().getBytes(StandardCharsets.UTF_8))
                .setHeader(EventHeaders.CAUSED_BY, String.valueOf(event.causedBy()).getBytes(StandardCharsets.UTF_8))
                .build();
        boolean sent;
        try {
            sent = streamBridge.send(source.binding(), message);
        } catch (RuntimeException e) {
            throw new OutboxRelayException("could not publish " + event.type() + " " + event.eventId() + " for "
                    + event.key() + " to " + event.topic(), e);
        }
        if (!sent) {
            throw new OutboxRelayException("binding " + source.binding() + " refused " + event.type() + " "
                    + event.eventId() + " for " + event.key());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<PendingEvent> pendingEvents(Document aggregate) {
        List<PendingEvent> events = new ArrayList<>();
        for (Document document : (List<Document>) aggregate.getList(PendingEvent.FIELD, Document.class, List.of())) {
            events.add(PendingEvent.fromDocument(document));
        }
        return events;
    }

    private void loop() {
        boolean sweep = true;
        long lastSweep = 0;
        while (running) {
            Duration wait = sweepInterval;
            try {
                // Sweep when asked, when the interval passed without wake-ups, and at least once per interval under a steady stream of them.
                if (sweep || System.nanoTime() - lastSweep >= sweepInterval.toNanos()) {
                    lastSweep = System.nanoTime();
                    relayPending();
                } else {
                    relayWoken();
                }
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay paused for {} ms: {}", retryDelay.toMillis(), describe(e));
                wait = retryDelay;
            }
            sweep = awaitSignal(wait);
        }
    }

    /** Waits for a wake-up or the timeout; answers whether the next round must sweep everything. */
    private boolean awaitSignal(Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!woken && running && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            boolean sweep = !woken || sweepRequested;
            woken = false;
            sweepRequested = false;
            return sweep;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        } finally {
            lock.unlock();
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop before the bindings and the Mongo client go away.
        return Integer.MAX_VALUE - 100;
    }
}
