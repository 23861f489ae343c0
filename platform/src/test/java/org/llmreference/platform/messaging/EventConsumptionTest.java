package org.llmreference.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.UnreadableEvent;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.llmreference.testsupport.Models;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;

@ExtendWith(OutputCaptureExtension.class)
class EventConsumptionTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TestObservationRegistry observations = TestObservationRegistry.create();
    final SimpleTracer tracer = new SimpleTracer();
    final EventConsumption consumption = new EventConsumption(meters, observations, new StorageOutages(Duration.ofSeconds(1)));

    EventConsumptionTest() {
        observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
    }

    @Test
    void handlesEachEventInASpanTaggedWithItsCausedByAndTheCauseInTheLoggingContext(CapturedOutput output) {
        Envelope<ModelChanged> edit = anEdit("gpt-oss-20b", 4);
        AtomicReference<String> loggedCause = new AtomicReference<>();
        Consumer<Message<byte[]>> consumer = consumption.of(Topics.CATALOG_MODELS, CatalogEvent.class, event -> {
            loggedCause.set(MDC.get("causedBy"));
            return Outcome.APPLIED;
        });

        consumer.accept(message(EventCodec.encode(edit)));

        assertThat(loggedCause).hasValue(edit.causedBy());
        assertThat(MDC.get("causedBy")).as("cleared after the handler").isNull();
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(EventConsumption.OBSERVATION).that()
                .hasBeenStarted().hasBeenStopped()
                .hasHighCardinalityKeyValue("causedBy", edit.causedBy())
                .hasHighCardinalityKeyValue("aggregateId", "gpt-oss-20b")
                .hasLowCardinalityKeyValue("topic", Topics.CATALOG_MODELS)
                .hasLowCardinalityKeyValue("type", "catalog.ModelChanged.v1")
                .hasLowCardinalityKeyValue("outcome", "applied");
        SimpleSpan span = tracer.onlySpan();
        assertThat(span.getTags()).containsEntry("causedBy", edit.causedBy()).containsEntry("topic", Topics.CATALOG_MODELS);
        assertThat(meters.counter("llmref.events.consumed", "topic", Topics.CATALOG_MODELS, "outcome", "applied").count())
                .isEqualTo(1);
        assertThat(output).contains("handled catalog.ModelChanged.v1 gpt-oss-20b rev 4: applied causedBy=" + edit.causedBy());
    }

    @Test
    void aFailingHandlerEndsItsSpanWithTheErrorAndCountsTheAttempt() {
        Envelope<ModelChanged> edit = anEdit("qwen3.5-4b", 2);
        IllegalStateException failure = new IllegalStateException("database away");
        Consumer<Message<byte[]>> consumer = consumption.of(Topics.CATALOG_MODELS, CatalogEvent.class, event -> {
            throw failure;
        });

        assertThatThrownBy(() -> consumer.accept(message(EventCodec.encode(edit)))).isSameAs(failure);

        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(EventConsumption.OBSERVATION).that()
                .hasBeenStopped().hasError(failure)
                .hasHighCardinalityKeyValue("causedBy", edit.causedBy())
                .hasLowCardinalityKeyValue("outcome", "failed");
        assertThat(tracer.onlySpan().getError()).isSameAs(failure);
        assertThat(MDC.get("causedBy")).isNull();
        assertThat(meters.counter("llmref.events.failed", "topic", Topics.CATALOG_MODELS, "outcome",
                "retried-or-dead-lettered").count()).isEqualTo(1);
    }

    @Test
    void anUnreadableRecordIsCountedAndRefusedWithoutRunningTheHandler() {
        Consumer<Message<byte[]>> consumer = consumption.of(Topics.CATALOG_MODELS, CatalogEvent.class, event -> {
            throw new AssertionError("the handler must not run");
        });

        assertThatThrownBy(() -> consumer.accept(message("{not json".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnreadableEvent.class);

        TestObservationRegistryAssert.assertThat(observations).doesNotHaveAnyObservation();
        assertThat(meters.counter("llmref.events.unreadable", "topic", Topics.CATALOG_MODELS, "outcome", "dead-lettered")
                .count()).isEqualTo(1);
    }

    private static Envelope<ModelChanged> anEdit(String id, long revision) {
        return Envelope.startingChain(new ModelChanged(Models.aModel(id), List.of("name")), id, revision, Instant.now());
    }

    private static Message<byte[]> message(byte[] payload) {
        return MessageBuilder.withPayload(payload).build();
    }
}
