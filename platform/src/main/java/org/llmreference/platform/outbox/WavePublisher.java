package org.llmreference.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.platform.tracing.CausedBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;

/**
 * Publishes the pending events of a batch of aggregates in waves: the first event of every aggregate
 * is handed to the producer at once, then, once Kafka has acknowledged them, the second event of each
 * aggregate that has one, and so on. An aggregate never has two events in flight: the producer keeps
 * records in order only while none fails (a batch it gives up on can be followed by a later batch that
 * succeeds), so an event sent before the one ahead of it was acknowledged could land on the topic ahead
 * of it. The acknowledged events are cleared with one bulk write; on a failure the round stops after
 * its wave, what was acknowledged is cleared, and the failure is thrown.
 */
final class WavePublisher {

    /** Published events are logged under the relay's name. */
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxCollection outbox;
    private final Producer<byte[], byte[]> producer;
    private final Duration acknowledgementTimeout;
    private final Counter published;

    WavePublisher(OutboxCollection outbox, Producer<byte[], byte[]> producer, Duration acknowledgementTimeout,
            Counter published) {
        this.outbox = outbox;
        this.producer = producer;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.published = published;
    }

    /**
     * @return how many events were published and cleared
     * @throws OutboxRelayException when an event could not be published; it and the ones after it stay pending
     */
    int publishAndClear(List<PendingAggregate> aggregates) {
        if (aggregates.isEmpty()) {
            return 0;
        }
        Map<Object, List<String>> acknowledged = new LinkedHashMap<>();
        OutboxRelayException failure = null;
        for (int wave = 0; failure == null; wave++) {
            List<Sending> sending = new ArrayList<>();
            for (PendingAggregate aggregate : aggregates) {
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
        int sent = acknowledged.values().stream().mapToInt(List::size).sum();
        if (sent > 0) {
            outbox.clear(acknowledged);
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

    static ProducerRecord<byte[], byte[]> record(PendingEvent event) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(event.topic(),
                event.key().getBytes(StandardCharsets.UTF_8), event.payload());
        record.headers()
                .add(new RecordHeader(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader(EventHeaders.EVENT_ID, event.eventId().getBytes(StandardCharsets.UTF_8)))
                .add(new RecordHeader(EventHeaders.CAUSED_BY,
                        String.valueOf(event.causedBy()).getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    static String describe(PendingEvent event) {
        return event.type() + " " + event.eventId() + " for " + event.key() + " to " + event.topic();
    }

    static void logPublished(PendingEvent event) {
        try (CausedBy.Scope logged = CausedBy.inLogs(event.causedBy())) {
            log.info("published {} {} event {} to {} causedBy={}", event.type(), event.key(), event.eventId(),
                    event.topic(), event.causedBy());
        }
    }
}
