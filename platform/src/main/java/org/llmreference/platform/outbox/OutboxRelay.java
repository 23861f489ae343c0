package org.llmreference.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.mongodb.client.MongoCollection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the events that wait in a collection's aggregate documents, in the order they were stored,
 * then removes them from their documents. A writer calls {@link #wake(Object)} with the aggregate's id
 * after a change, so its events leave at once (one lookup by {@code _id}); a sweep of the collection
 * at start, after a failed round and every {@code sweepInterval} picks up whatever is left (after a
 * restart, or while Kafka was unreachable).
 *
 * <p>Events leave in batches of up to {@value #BATCH} aggregates, in waves ({@link WavePublisher}): the
 * first pending event of every aggregate of the batch is handed to the Kafka producer at once (so the
 * producer fills its requests), then the next once Kafka acknowledged those, so an aggregate never has
 * two events in flight and its events reach the topic in the order they were stored, whatever the
 * producer fails; what Kafka acknowledged is cleared with one unordered bulk write. An event is removed
 * only once Kafka has acknowledged it; it can be published twice (a crash between acknowledgement and
 * removal), and consumers skip it by revision. Each published event is logged with its {@code causedBy}
 * in the logging context, so an edit's chain can be followed from the service that accepted it.
 *
 * <p>The relay's thread runs rounds: the events handed over and the aggregates woken since the last
 * round, or a {@link PagedSweep} when one is due; between rounds it waits for {@link WakeUps}.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Aggregates whose events are sent together before the relay waits for their acknowledgements. */
    static final int BATCH = 200;

    private final OutboxCollection outbox;
    private final Duration sweepInterval;
    private final Duration retryDelay;
    private final Counter failures;
    private final WakeUps wakeUps = new WakeUps();
    private final HandedOverEvents handedOver = new HandedOverEvents();
    private final WavePublisher waves;
    private final PagedSweep sweep;
    private volatile boolean running;
    private Thread worker;

    /**
     * @param collection             the collection whose documents carry pending events (each names its own topic)
     * @param acknowledgementTimeout how long to wait for Kafka to acknowledge a batch's event (beyond the
     *        producer's own delivery timeout) before the round counts as failed
     */
    public OutboxRelay(MongoCollection<Document> collection, Producer<byte[], byte[]> producer, Duration sweepInterval,
            Duration retryDelay, Duration acknowledgementTimeout, MeterRegistry meters) {
        this.outbox = new OutboxCollection(collection);
        this.sweepInterval = sweepInterval;
        this.retryDelay = retryDelay;
        Counter published = Counter.builder("llmref.outbox.published").description("events relayed to Kafka")
                .register(meters);
        this.failures = Counter.builder("llmref.outbox.failures")
                .description("relay rounds that stopped because an event could not be published").register(meters);
        this.waves = new WavePublisher(outbox, producer, acknowledgementTimeout, published);
        this.sweep = new PagedSweep(outbox, waves, handedOver, meters);
    }

    /** Asks the relay to publish the pending events of one aggregate now (call after storing its change). */
    public void wake(Object aggregateId) {
        wakeUps.aggregate(aggregateId);
    }

    /**
     * Hands the relay events just stored in an aggregate's document, so they leave without being read
     * back (the writer of many aggregates at once saves a lookup per aggregate). Call after the write
     * succeeded, in the order of the writes; until Kafka acknowledges them they stay in the document,
     * where a sweep would find them.
     */
    public void handOver(Object aggregateId, List<PendingEvent> events) {
        handedOver.add(aggregateId, events);
        wakeUps.handedOver();
    }

    /** Asks the relay to sweep the collection now. */
    public void wake() {
        wakeUps.sweep();
    }

    /** Publishes the events handed over, then the pending events of the aggregates named by {@link #wake(Object)}. */
    void relayWoken() {
        List<PendingAggregate> handed = handedOver.takeAll();
        for (int from = 0; from < handed.size(); from += BATCH) {
            // On a failure, what was not acknowledged is still in the documents: the sweep after the pause finds it.
            waves.publishAndClear(handed.subList(from, Math.min(handed.size(), from + BATCH)));
        }
        List<PendingAggregate> batch = new ArrayList<>();
        for (Object id : wakeUps.takeAggregateIds()) {
            PendingAggregate aggregate = outbox.find(id);
            if (aggregate != null) {
                batch.add(aggregate);
            }
            if (batch.size() == BATCH) {
                waves.publishAndClear(batch);
                batch.clear();
            }
        }
        waves.publishAndClear(batch);
    }

    /**
     * Publishes everything pending now, in the caller's thread.
     *
     * @return how many events were published
     * @throws OutboxRelayException when an event could not be published; what was not published stays pending
     */
    public int relayPending() {
        return sweep.publishAll();
    }

    private void loop() {
        boolean sweepDue = true;
        long lastSweep = 0;
        while (running) {
            Duration wait = sweepInterval;
            boolean failed = false;
            try {
                // Sweep when asked, when the interval passed without wake-ups, and at least once per interval under a steady stream of them.
                if (sweepDue || System.nanoTime() - lastSweep >= sweepInterval.toNanos()) {
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
            sweepDue = awaitWakeUp(wait) || failed;
        }
    }

    /** Waits for a wake-up or the timeout; answers whether the next round must sweep everything. */
    private boolean awaitWakeUp(Duration timeout) {
        try {
            return wakeUps.await(timeout, () -> running);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
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
