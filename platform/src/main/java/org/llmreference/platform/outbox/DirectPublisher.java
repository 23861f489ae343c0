package org.llmreference.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Publishes events straight to Kafka, without storing them first: for a service whose output can be
 * computed again from what it stored, so that an event sent but not recorded as sent is replayed, not
 * lost. It uses the relays' producer (idempotent, {@code acks=all}, retrying through a broker outage
 * for the outbox delivery timeout): every event of a call is handed to the producer at once, then the
 * call waits until Kafka acknowledged each. The caller sends at most one event per aggregate per call
 * and waits for the call before sending the next, so an aggregate never has two events in flight.
 * Built by {@link OutboxRelays#direct()}.
 */
public final class DirectPublisher {

    private final Producer<byte[], byte[]> producer;
    private final Duration acknowledgementTimeout;

    public DirectPublisher(Producer<byte[], byte[]> producer, Duration acknowledgementTimeout) {
        this.producer = producer;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    /**
     * Sends the events and waits until Kafka acknowledged every one.
     *
     * @return the highest offset acknowledged in each partition written to
     * @throws OutboxRelayException when an event could not be published; others of the call may have been
     */
    public Map<TopicPartition, Long> publish(List<PendingEvent> events) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>();
        for (PendingEvent event : events) {
            try {
                acknowledgements.add(producer.send(WavePublisher.record(event)));
            } catch (RuntimeException e) {
                throw new OutboxRelayException("could not publish " + WavePublisher.describe(event), e);
            }
        }
        Map<TopicPartition, Long> highest = new HashMap<>();
        OutboxRelayException failure = null;
        for (int i = 0; i < events.size(); i++) {
            PendingEvent event = events.get(i);
            try {
                RecordMetadata written = acknowledgements.get(i).get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
                highest.merge(new TopicPartition(written.topic(), written.partition()), written.offset(), Math::max);
                WavePublisher.logPublished(event);
            } catch (ExecutionException | TimeoutException e) {
                if (failure == null) {
                    failure = new OutboxRelayException("could not publish " + WavePublisher.describe(event),
                            e instanceof ExecutionException ? e.getCause() : e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutboxRelayException("interrupted while publishing " + WavePublisher.describe(event), e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return highest;
    }
}
