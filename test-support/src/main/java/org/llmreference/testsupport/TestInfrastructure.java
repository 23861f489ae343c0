package org.llmreference.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.llmreference.contracts.Topics;
import org.llmreference.infra.KafkaBroker;
import org.llmreference.infra.TopicProvisioner;
import org.llmreference.infra.WireMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One Kafka broker and one MongoDB server for the whole test JVM, with every topic of
 * {@link Topics#ALL} created. Where Docker runs: real {@code apache/kafka} and {@code mongo}
 * images through Testcontainers. Elsewhere: the embedded KRaft broker and MongoDB-wire server of
 * {@code infra/}, the same ones the run command uses. Force either with
 * {@code -Dllmref.test.infrastructure=containers|embedded} (default {@code auto}).
 */
public final class TestInfrastructure {

    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    public static final String MONGO_IMAGE = "mongo:8.0.12";

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static TestInfrastructure shared;

    private final String kafkaBootstrapServers;
    private final String mongoUri;
    private final String kind;
    private final List<AutoCloseable> resources;

    private TestInfrastructure(String kafkaBootstrapServers, String mongoUri, String kind, List<AutoCloseable> resources) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
        this.kind = kind;
        this.resources = resources;
    }

    /** The shared infrastructure, started on first use and stopped when the JVM exits. */
    public static synchronized TestInfrastructure get() {
        if (shared == null) {
            long started = System.nanoTime();
            shared = useContainers() ? startContainers() : startEmbedded();
            TopicProvisioner.ensure(shared.kafkaBootstrapServers, Topics.ALL, Deadlines.KAFKA);
            log.info("Test infrastructure ({}) ready in {} ms: kafka={} mongodb={}", shared.kind,
                    (System.nanoTime() - started) / 1_000_000, shared.kafkaBootstrapServers, shared.mongoUri);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-infrastructure-shutdown"));
        }
        return shared;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** {@code mongodb://host:port}, without a database: each service names its own. */
    public String mongoUri() {
        return mongoUri;
    }

    /** {@code containers} or {@code embedded}. */
    public String kind() {
        return kind;
    }

    private static boolean useContainers() {
        String choice = System.getProperty("llmref.test.infrastructure", "auto");
        return switch (choice) {
            case "containers" -> true;
            case "embedded" -> false;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default -> throw new IllegalArgumentException(
                    "llmref.test.infrastructure must be auto, containers or embedded, not " + choice);
        };
    }

    @SuppressWarnings("resource")
    private static TestInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        return new TestInfrastructure(kafka.getBootstrapServers(),
                "mongodb://" + mongo.getHost() + ":" + mongo.getFirstMappedPort(), "containers",
                List.of(mongo::stop, kafka::stop));
    }

    private static TestInfrastructure startEmbedded() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("llmref-test-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the test broker", e);
        }
        List<AutoCloseable> resources = new ArrayList<>();
        WireMongoServer mongo = WireMongoServer.inMemory(0);
        resources.add(mongo);
        KafkaBroker kafka = KafkaBroker.start(dataDir, 0, 0);
        resources.add(0, kafka);
        resources.add(() -> Folders.deleteRecursively(dataDir));
        return new TestInfrastructure(kafka.bootstrapServers(), mongo.connectionString(), "embedded", resources);
    }

    private void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Stopping test infrastructure: {}", e.toString());
            }
        }
    }
}
