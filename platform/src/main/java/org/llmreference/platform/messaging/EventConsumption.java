package org.llmreference.platform.messaging;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.EventPayload;
import org.llmreference.contracts.UnreadableEvent;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.llmreference.platform.tracing.CausedBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Turns a handler of decoded events into the {@code Consumer} a Spring Cloud Stream input binding
 * calls: it decodes the record, runs the handler inside an observation ({@value #OBSERVATION}: a
 * span tagged with the event's {@code causedBy}, and a timer by topic, type and outcome) with
 * {@code causedBy} in the logging context, again while MongoDB is unreachable (see
 * {@link StorageOutages}), logs and counts the outcome. A record that cannot be decoded
 * raises {@link UnreadableEvent}, which the binding sends to its dead-letter topic without retrying.
 */
public final class EventConsumption {

    /** The observation around one handled event; its span carries the key {@value CausedBy#KEY}. */
    public static final String OBSERVATION = "llmref.event.handle";

    private static final Logger log = LoggerFactory.getLogger(EventConsumption.class);

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final StorageOutages storageOutages;

    public EventConsumption(MeterRegistry meters, ObservationRegistry observations, StorageOutages storageOutages) {
        this.meters = meters;
        this.observations = observations;
        this.storageOutages = storageOutages;
    }

    public <P extends EventPayload> Consumer<Message<byte[]>> of(String topic, Class<P> family,
            Function<Envelope<P>, Outcome> handler) {
        return handling(topic, family, (envelope, message) -> handler.apply(envelope));
    }

    /**
     * As {@link #of}, for a handler that finishes its work after it returns and acknowledges the record
     * then, by running the {@code Runnable} it is given: the record's {@link Acknowledgment} when the
     * binding's {@code ackMode} is {@code MANUAL}, else nothing (the binding commits on its own).
     */
    public <P extends EventPayload> Consumer<Message<byte[]>> acknowledgedLater(String topic, Class<P> family,
            BiFunction<Envelope<P>, Runnable, Outcome> handler) {
        return handling(topic, family, (envelope, message) -> {
            Acknowledgment acknowledgment = message.getHeaders().get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
            return handler.apply(envelope, acknowledgment == null ? () -> { } : acknowledgment::acknowledge);
        });
    }

    private <P extends EventPayload> Consumer<Message<byte[]>> handling(String topic, Class<P> family,
            BiFunction<Envelope<P>, Message<byte[]>, Outcome> handler) {
        Counter applied = counter("llmref.events.consumed", topic, "applied");
        Counter stale = counter("llmref.events.consumed", topic, "stale");
        Counter unreadable = counter("llmref.events.unreadable", topic, "dead-lettered");
        Counter failed = counter("llmref.events.failed", topic, "retried-or-dead-lettered");
        return message -> {
            Envelope<P> envelope;
            try {
                envelope = EventCodec.decode(message.getPayload(), family);
            } catch (UnreadableEvent e) {
                unreadable.increment();
                log.warn("Unreadable record on {}: {}", topic, e.getMessage());
                throw e;
            }
            Observation observation = Observation.createNotStarted(OBSERVATION, observations)
                    .contextualName("handle " + envelope.type())
                    .lowCardinalityKeyValue("topic", topic)
                    .lowCardinalityKeyValue("type", envelope.type())
                    .highCardinalityKeyValue(CausedBy.KEY, envelope.causedBy())
                    .highCardinalityKeyValue("aggregateId", envelope.aggregateId())
                    .highCardinalityKeyValue("revision", Long.toString(envelope.revision()))
                    .start();
            CausedBy.Scope logged = CausedBy.inLogs(envelope.causedBy());
            try (Observation.Scope scope = observation.openScope()) {
                Outcome outcome = storageOutages.retryWhileUnreachable(
                        envelope.type() + " " + envelope.aggregateId() + " rev " + envelope.revision(), () -> handler.apply(envelope, message));
                observation.lowCardinalityKeyValue("outcome", outcome.name().toLowerCase(Locale.ROOT));
                (outcome == Outcome.APPLIED ? applied : stale).increment();
                log.info("handled {} {} rev {}: {} causedBy={}", envelope.type(), envelope.aggregateId(),
                        envelope.revision(), outcome.name().toLowerCase(Locale.ROOT), envelope.causedBy());
            } catch (RuntimeException e) {
                // One count per failed attempt; the binding retries a bounded number of times, then dead-letters.
                failed.increment();
                observation.lowCardinalityKeyValue("outcome", "failed");
                observation.error(e);
                log.warn("{} {} rev {} failed: {} causedBy={}", envelope.type(), envelope.aggregateId(), envelope.revision(),
                        e.toString(), envelope.causedBy());
                throw e;
            } finally {
                logged.close();
                observation.stop();
            }
        };
    }

    private Counter counter(String name, String topic, String outcome) {
        return Counter.builder(name).tag("topic", topic).tag("outcome", outcome).register(meters);
    }
}
