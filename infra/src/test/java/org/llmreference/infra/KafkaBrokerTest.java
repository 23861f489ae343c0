package org.llmreference.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.contracts.TopicSpec;

class KafkaBrokerTest {

    private static final TopicSpec TOPIC = new TopicSpec("broker.test.v1", 3, true);

    @TempDir
    Path dataDir;

    @Test
    void deliversARecordAndStillHasItAfterARestartOnTheSameFolder() throws Exception {
        String value = "kept-" + UUID.randomUUID();
        int port;
        try (KafkaBroker broker = KafkaBroker.start(dataDir, 0, 0)) {
            port = broker.port();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            TopicProvisioner.ensure(broker.bootstrapServers(), List.of(TOPIC), Duration.ofSeconds(30));
            send(broker.bootstrapServers(), "gpt-oss-20b", value);

            assertThat(TopicReader.awaitValues(broker.bootstrapServers(), TOPIC.name(), 1)).containsExactly(value);
        }

        try (KafkaBroker restarted = KafkaBroker.start(dataDir, port, 0)) {
            assertThat(TopicReader.awaitValues(restarted.bootstrapServers(), TOPIC.name(), 1)).containsExactly(value);
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        KafkaBroker broker = KafkaBroker.start(dataDir, 0, 0);

        broker.close();
        broker.close();
    }

    private static void send(String bootstrapServers, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC.name(), key, value)).get();
        }
    }
}
