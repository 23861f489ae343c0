package org.llmreference.platform.messaging;

import java.util.function.Consumer;
import java.util.function.Function;

import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.EventPayload;
import org.llmreference.contracts.UnreadableEvent;
import org.llmreference.platform.projection.Projections.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Turns a handler of decoded events into the {@code Consumer} a Spring Cloud Stream input binding
 * calls: it decodes the record, puts {@code causedBy} in the logging context, runs the handler (again
 * while MongoDB is unreachable, see {@link StorageOutages}) and counts the outcome. A record that cannot be decoded raises {@link UnreadableEvent}, which the
 * binding sends to its dead-letter topic without retrying.
 */
public final class EventConsumption {

    private static final Logger log = LoggerFactory.getLogger(EventConsumption.class);

    private final MeterRegistry meters;
    private final StorageOutages storageOutages;

    public EventConsumption(MeterRegistry meters, StorageOutages storageOutages) {
        this.meters = meters;
        this.storageOutages = storageOutages;
    }

    public <P extends EventPayload> Consumer<Message<byte[]>> of(String topic, Class<P> family,
            Function<Envelope<P>, Outcome> handler) {
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
            MDC.put("causedBy", envelope.causedBy());
            try {
                Outcome outcome = storageOutages.retryWhileUnreachable(
                        envelope.type() + " " + envelope.aggregateId() + " rev " + envelope.revision(), () -> handler.apply(envelope));
                (outcome == Outcome.APPLIED ? applied : stale).increment();
                log.debug("{} {} rev {} {}", envelope.type(), envelope.aggregateId(), envelope.revision(), outcome);
            } catch (RuntimeException e) {
                // One count per failed attempt; the binding retries a bounded number of times, then dead-letters.
                failed.increment();
                log.warn("{} {} rev {} failed: {}", envelope.type(), envelope.aggregateId(), envelope.revision(), e.toString());
                throw e;
            } finally {
                MDC.remove("causedBy");
            }
        };
    }

    private Counter counter(String name, String topic, String outcome) {
        return Counter.builder(name).tag("topic", topic).tag("outcome", outcome).register(meters);
    }
}
