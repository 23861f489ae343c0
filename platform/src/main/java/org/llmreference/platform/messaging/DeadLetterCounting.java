package org.llmreference.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.llmreference.contracts.UnreadableEvent;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binder.BindingCreatedEvent;
import org.springframework.cloud.stream.binder.DefaultBinding;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.context.ApplicationListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the records a consumer group actually sends to its dead-letter topic, once retries are
 * exhausted (or at once for an unreadable record): {@value #METER}{@code {topic, group, reason}},
 * where {@code reason} is {@code unreadable} (the record is not a readable event) or {@code failed}
 * (the handler failed on every attempt). {@code llmref.events.failed} counts attempts, this counts
 * records, so an alert on it means an event is parked and needs a person.
 *
 * <p>The Kafka binder calls its {@link DlqPartitionFunction} exactly once for each record it
 * dead-letters, with the group, the record and the failure, which makes it the one hook that sees
 * every dead-lettered record. It answers partition 0: every dead-letter topic has one partition
 * ({@code dlq-partitions: 1} on every binding, one partition in the topic list).
 *
 * <p>The counters of every input binding start at zero when the binding is created, so the first
 * dead letter shows as an increase rather than as a series appearing.
 */
public final class DeadLetterCounting implements DlqPartitionFunction, ApplicationListener<BindingCreatedEvent> {

    public static final String METER = "llmref.events.dead.lettered";

    private final MeterRegistry meters;

    public DeadLetterCounting(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable failure) {
        counter(record.topic(), group, reason(failure)).increment();
        return 0;
    }

    @Override
    public void onApplicationEvent(BindingCreatedEvent event) {
        if (event.getSource() instanceof Binding<?> binding && binding.isInput()
                && binding instanceof DefaultBinding<?> consumer && consumer.getGroup() != null) {
            counter(binding.getName(), consumer.getGroup(), "unreadable");
            counter(binding.getName(), consumer.getGroup(), "failed");
        }
    }

    private Counter counter(String topic, String group, String reason) {
        return Counter.builder(METER).description("records sent to a dead-letter topic after their last attempt")
                .tag("topic", topic).tag("group", String.valueOf(group)).tag("reason", reason).register(meters);
    }

    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnreadableEvent) {
                return "unreadable";
            }
        }
        return "failed";
    }
}
