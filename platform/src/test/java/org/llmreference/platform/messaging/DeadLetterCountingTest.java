package org.llmreference.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.UnreadableEvent;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.GenericMessage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DeadLetterCountingTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DeadLetterCounting counting = new DeadLetterCounting(meters);
    final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.PRICING_ROUTES, 2, 17L, new byte[0], new byte[0]);

    @Test
    void countsEachDeadLetteredRecordByTopicGroupAndReasonAndSendsItToPartitionZero() {
        Exception unreadable = new MessageHandlingException(new GenericMessage<>("x"),
                new UnreadableEvent("not JSON"));
        Exception failed = new MessageHandlingException(new GenericMessage<>("x"), new IllegalStateException("boom"));

        assertThat(counting.apply("comparison-service", record, unreadable)).isZero();
        assertThat(counting.apply("comparison-service", record, failed)).isZero();
        assertThat(counting.apply("comparison-service", record, failed)).isZero();

        assertThat(count("unreadable")).isEqualTo(1);
        assertThat(count("failed")).isEqualTo(2);
    }

    private double count(String reason) {
        return meters.counter(DeadLetterCounting.METER, "topic", Topics.PRICING_ROUTES, "group", "comparison-service",
                "reason", reason).count();
    }
}
