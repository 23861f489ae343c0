package org.llmreference.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.contracts.TopicSpec;
import org.llmreference.contracts.Topics;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

class EmbeddedInfrastructureTest {

    @TempDir
    Path dataDir;

    @Test
    void brokerKeepsTopicsAndRecordsAcrossARestartOnTheSameFolder() throws Exception {
        String value = "kept-" + UUID.randomUUID();
        int port;
        try (KafkaBroker broker = KafkaBroker.start(dataDir, 0, 0)) {
            port = broker.port();
            TopicProvisioner.ensure(broker.bootstrapServers(), Topics.ALL, Duration.ofSeconds(30));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.CATALOG_MODELS, "gpt-oss-20b", value)).get();
            }
        }

        try (KafkaBroker restarted = KafkaBroker.start(dataDir, port, 0)) {
            assertThat(readAll(restarted.bootstrapServers(), Topics.CATALOG_MODELS, 1)).contains(value);
        }
    }

    @Test
    void provisionsEveryTopicWithItsPartitionsAndCleanupPolicyAndIsIdempotent() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dataDir, 0, 0)) {
            TopicProvisioner.ensure(broker.bootstrapServers(), Topics.ALL, Duration.ofSeconds(30));
            TopicProvisioner.ensure(broker.bootstrapServers(), Topics.ALL, Duration.ofSeconds(30));

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL.stream().map(TopicSpec::name).toList())
                        .allTopicNames().get();
                for (TopicSpec spec : Topics.ALL) {
                    assertThat(topics.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
                    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
                    String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                            .get("cleanup.policy").value();
                    assertThat(policy).as(spec.name()).isEqualTo(spec.compacted() ? "compact" : "delete");
                }
            }
        }
    }

    @Test
    void wireServerKeepsDocumentsOnDiskAcrossARestart() {
        Path file = dataDir.resolve("mongo").resolve("test.mv.db");
        int port;
        try (WireMongoServer server = WireMongoServer.onDisk(file, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            port = server.port();
            client.getDatabase("catalog").getCollection("models")
                    .insertOne(new Document("_id", "gpt-oss-20b").append("price", new Decimal128(new BigDecimal("0.030"))));
        }

        try (WireMongoServer server = WireMongoServer.onDisk(file, port);
                MongoClient client = MongoClients.create(server.connectionString())) {
            Document stored = client.getDatabase("catalog").getCollection("models").find().first();
            assertThat(stored).isNotNull();
            assertThat(stored.getString("_id")).isEqualTo("gpt-oss-20b");
            assertThat(stored.get("price", Decimal128.class).bigDecimalValue()).isEqualTo(new BigDecimal("0.030"));
        }
    }

    @Test
    void bothBackendsAnswerTheHelloCommandThatHealthChecksUse() {
        for (WireMongoServer server : List.of(WireMongoServer.inMemory(0),
                WireMongoServer.onDisk(dataDir.resolve("hello.mv.db"), 0))) {
            try (server; MongoClient client = MongoClients.create(server.connectionString())) {
                Document reply = client.getDatabase("admin").runCommand(new Document("hello", 1));
                assertThat(reply.get("ok", Number.class).doubleValue()).isEqualTo(1.0);
                assertThat(reply.getBoolean("isWritablePrimary")).isTrue();
            }
        }
    }

    @Test
    void uniqueIndexesRejectDuplicatesSoRevisionGuardsWork() {
        try (WireMongoServer server = WireMongoServer.inMemory(0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("t").getCollection("c");
            collection.insertOne(new Document("_id", "a").append("revision", 2));

            assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                    collection.insertOne(new Document("_id", "a").append("revision", 3))))
                    .isInstanceOf(com.mongodb.MongoWriteException.class)
                    .hasMessageContaining("E11000");
        }
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "t-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(new String(record.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                }
            }
            return values;
        }
    }
}
