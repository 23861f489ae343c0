package org.llmreference.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.EventHeaders;

/** Publishes events (or raw bytes) the way the services do: keyed by aggregate id, with the event headers. */
public final class EventSender implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;

    public EventSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    public void send(Envelope<?> envelope) {
        send(envelope.topic(), envelope.aggregateId(), envelope.type(), EventCodec.encode(envelope));
    }

    public void send(String topic, String key, String type, byte[] value) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(key), value);
        record.headers().add(EventHeaders.EVENT_TYPE, bytes(type));
        try {
            producer.send(record).get(Deadlines.KAFKA.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
