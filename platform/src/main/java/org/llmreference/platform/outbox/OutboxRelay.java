package org.llmreference.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.platform.tracing.CausedBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the events that wait in aggregate documents, in the order they were stored, then
 * removes them from their documents. A writer calls {@link #wake(Object)} with the aggregate's id after
 * a change, so its events leave at once (one lookup by {@code _id}); a sweep of every collection
 * at start, after a failed round and every {@code sweepInterval} picks up whatever is left (after a
 * restart, or while Kafka was unreachable).
 *
 * <p>Events leave in batches of up to {@value #BATCH} aggregates: the first pending event of every
 * aggregate of the batch is handed to the Kafka producer at once (so the producer fills its requests),
 * then the next once Kafka acknowledged those, so an aggregate never has two events in flight and its
 * events reach the topic in the order they were stored, whatever the producer fails; what Kafka
 * acknowledged is cleared with one unordered bulk write. An event is removed
 * only once Kafka has acknowledged it; it can be published twice (a crash between acknowledgement and
 * removal), and consumers skip it by revision. Each published event is logged with its {@code causedBy}
 * in the logging context, so an edit's chain can be followed from the service that accepted it.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Aggregates whose events are sent together before the relay waits for their acknowledgements. */
    static final int BATCH = 200;

    private final List<OutboxSource> sources;
    private final Producer<byte[], byte[]> producer;
    private final Duration sweepInterval;
    private final Duration retryDelay;
    private final Duration acknowledgementTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeMillis = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private final Set<Object> wokenIds = ConcurrentHashMap.newKeySet();
    /** Events their writer handed over with the ids of their aggregates, in the order they were stored. */
    private final Map<Object, List<PendingEvent>> handedOver = new LinkedHashMap<>();
    private boolean woken;
    private boolean sweepRequested;
    private volatile boolean running;
    private Thread worker;

    /**
     * @param acknowledgementTimeout how long to wait for Kafka to acknowledge a batch's event (beyond the
     *        producer's own delivery timeout) before the round counts as failed
     */
    public OutboxRelay(List<OutboxSource> sources, Producer<byte[], byte[]> producer, Duration sweepInterval,
            Duration retryDelay, Duration acknowledgementTimeout, MeterRegistry meters) {
        this.sources = List.copyOf(sources);
        this.producer = producer;
        this.sweepInterval = sweepInterval;
        this.retryDelay = retryDelay;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.published = Counter.builder("llmref.outbox.published").description("events relayed to Kafka")
                .register(meters);
        this.failures = Counter.builder("llmref.outbox.failures")
                .description("relay rounds that stopped because an event could not be published").register(meters);
        Gauge.builder("llmref.outbox.pending", pending, AtomicLong::get)
                .description("events stored but not yet relayed, as of the last sweep").register(meters);
        Gauge.builder("llmref.outbox.oldest.pending.age", oldestPendingAgeMillis, age -> age.get() / 1000.0)
                .baseUnit("seconds").description("age of the oldest event not yet relayed, as of the last sweep")
                .register(meters);
    }

    /** Asks the relay to publish the pending events of one aggregate now (call after storing its change). */
    public void wake(Object aggregateId) {
        wokenIds.add(aggregateId);
        signal(false);
    }

    /**
     * Hands the relay events just stored in an aggregate's document, so they leave without being read
     * back (the writer of many aggregates at once saves a lookup per aggregate). Call after the write
     * succeeded, in the order of the writes; until Kafka acknowledges them they stay in the document,
     * where a sweep would find them.
     */
    public void handOver(Object aggregateId, List<PendingEvent> events) {
        synchronized (handedOver) {
            handedOver.computeIfAbsent(aggregateId, id -> new ArrayList<>()).addAll(events);
        }
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

    /** Publishes the events handed over, then the pending events of the aggregates named by {@link #wake(Object)}. */
    void relayWoken() {
        List<Pending> handed = new ArrayList<>();
        synchronized (handedOver) {
            handedOver.forEach((id, events) -> handed.add(new Pending(id, events)));
            handedOver.clear();
        }
        for (int from = 0; from < handed.size(); from += BATCH) {
            // On a failure, what was not acknowledged is still in the documents: the sweep after the pause finds it.
            publishAndClear(sources.get(0), handed.subList(from, Math.min(handed.size(), from + BATCH)));
        }
        List<Object> ids = new ArrayList<>(wokenIds);
        wokenIds.removeAll(ids);
        for (OutboxSource source : sources) {
            List<Pending> batch = new ArrayList<>();
            for (Object id : ids) {
                Document aggregate = source.collection()
                        .find(Filters.and(Filters.eq("_id", id), Filters.exists(PendingEvent.FIELD + ".0")))
                        .projection(new Document(PendingEvent.FIELD, 1)).first();
                if (aggregate != null) {
                    batch.add(Pending.of(aggregate));
                }
                if (batch.size() == BATCH) {
                    publishAndClear(source, batch);
                    batch.clear();
                }
            }
            publishAndClear(source, batch);
        }
    }

    /**
     * Drops from the events handed over those a sweep has just read from their documents (published
     * or, if publishing failed, still pending there): an event handed over while a sweep was under way
     * would otherwise leave twice.
     */
    private void forgetHandedOver(List<Pending> swept) {
        synchronized (handedOver) {
            for (Pending aggregate : swept) {
                List<PendingEvent> handed = handedOver.get(aggregate.id());
                if (handed != null) {
                    handed.removeIf(event -> aggregate.events().stream().anyMatch(read -> read.eventId().equals(event.eventId())));
                    if (handed.isEmpty()) {
                        handedOver.remove(aggregate.id());
                    }
                }
            }
        }
    }

    /** An aggregate's id and its pending events, in the order they were stored. */
    private record Pending(Object id, List<PendingEvent> events) {

        static Pending of(Document aggregate) {
            return new Pending(aggregate.get("_id"), pendingEvents(aggregate));
        }
    }

    /**
     * Publishes everything pending now, in the caller's thread.
     *
     * @return how many events were published
     * @throws OutboxRelayException when an event could not be published; what was not published stays pending
     */
    public int relayPending() {
        synchronized (handedOver) {
            // Stored before they were handed over: the sweep finds every one of them.
            handedOver.clear();
        }
        int count = 0;
        long stillPending = 0;
        Instant oldest = null;
        for (OutboxSource source : sources) {
            // A page of aggregates at a time, by _id: one reply holding every pending event of a full
            // rebuild would exceed the wire protocol's message size (the server ignores batchSize).
            Object after = null;
            while (true) {
                Bson pendingFilter = Filters.exists(PendingEvent.FIELD + ".0");
                List<Pending> batch = new ArrayList<>();
                for (Document aggregate : source.collection()
                        .find(after == null ? pendingFilter : Filters.and(pendingFilter, Filters.gt("_id", after)))
                        .projection(new Document(PendingEvent.FIELD, 1)).sort(new Document("_id", 1)).limit(BATCH)) {
                    batch.add(Pending.of(aggregate));
                }
                if (batch.isEmpty()) {
                    break;
                }
                after = batch.get(batch.size() - 1).id();
                for (Pending aggregate : batch) {
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
                    sent = publishAndClear(source, batch);
                } catch (OutboxRelayException e) {
                    oldestPendingAgeMillis.set(oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis());
                    throw e;
                } finally {
                    forgetHandedOver(batch);
                }
                stillPending -= sent;
                count += sent;
            }
        }
        pending.set(stillPending);
        oldestPendingAgeMillis.set(stillPending == 0 || oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis());
        return count;
    }

    /**
     * Publishes the pending events of the aggregates in waves: the first event of every aggregate is
     * handed to the producer at once, then, once Kafka has acknowledged them, the second event of each
     * aggregate that has one, and so on. An aggregate never has two events in flight: the producer
     * keeps records in order only while none fails (a batch it gives up on can be followed by a later
     * batch that succeeds), so an event sent before the one ahead of it was acknowledged could land on
     * the topic ahead of it. The acknowledged events are cleared with one bulk write; on a failure the
     * round stops after its wave, what was acknowledged is cleared, and the failure is thrown.
     *
     * @return how many events were published and cleared
     */
    private int publishAndClear(OutboxSource source, List<Pending> aggregates) {
        if (aggregates.isEmpty()) {
            return 0;
        }
        Map<Object, List<String>> acknowledged = new LinkedHashMap<>();
        OutboxRelayException failure = null;
        for (int wave = 0; failure == null; wave++) {
            List<Sending> sending = new ArrayList<>();
            for (Pending aggregate : aggregates) {
                if (aggregate.events().size() <= wave) {
                    continue;
                }
                PendingEvent event = aggregate.events().get(wave);
                try {
                    sending.add(new Sending(aggregate.id(), event, producer.send(record(event))));
                } catch (RuntimeException e) {
                    failure = new OutboxRelayException("could not publish " + describe(event), e);
                    break;
                }
            }
            if (sending.isEmpty()) {
                break;
            }
            for (Sending sent : sending) {
                try {
                    sent.acknowledgement().get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    if (failure == null) {
                        failure = new OutboxRelayException("could not publish " + describe(sent.event()),
                                e instanceof ExecutionException ? e.getCause() : e);
                    }
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new OutboxRelayException("interrupted while publishing " + describe(sent.event()), e);
                    break;
                }
                acknowledged.computeIfAbsent(sent.id(), id -> new ArrayList<>()).add(sent.event().eventId());
                logPublished(sent.event());
            }
        }
        List<WriteModel<Document>> clears = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<Object, List<String>> aggregate : acknowledged.entrySet()) {
            clears.add(new UpdateOneModel<>(Filters.eq("_id", aggregate.getKey()),
                    Updates.pull(PendingEvent.FIELD, Filters.in("eventId", aggregate.getValue()))));
            sent += aggregate.getValue().size();
        }
        if (!clears.isEmpty()) {
            source.collection().bulkWrite(clears, new BulkWriteOptions().ordered(false));
            published.increment(sent);
        }
        if (failure != null) {
            throw failure;
        }
        return sent;
    }

    /** An event of a wave, the id of its aggregate, and its acknowledgement. */
    private record Sending(Object id, PendingEvent event, Future<RecordMetadata> acknowledgement) {
    }

    private static ProducerRecord<byte[], byte[]> record(PendingEvent event) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(event.topic(),
                event.key().getBytes(StandardCharsets.UTF_8), event.payload());
        record.headers()
                .add(new RecordHeader(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader(EventHeaders.EVENT_ID, event.eventId().getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader(EventHeaders.CAUSED_BY,
                        String.valueOf(event.causedBy()).getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static String describe(PendingEvent event) {
        return event.type() + " " + event.eventId() + " for " + event.key() + " to " + event.topic();
    }

    private static void logPublished(PendingEvent event) {
        try (CausedBy.Scope logged = CausedBy.inLogs(event.causedBy())) {
            log.info("published {} {} event {} to {} causedBy={}", event.type(), event.key(), event.eventId(),
                    event.topic(), event.causedBy());
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
            boolean failed = false;
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
                failed = true;
            }
            // After a failure the next round sweeps: events handed over or woken then are still stored.
            sweep = awaitSignal(wait) || failed;
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
