package org.llmreference.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.llmreference.contracts.Topics;
import org.llmreference.infra.KafkaBroker;
import org.llmreference.infra.TopicProvisioner;

/**
 * A Kafka broker of a test's own, with every topic, that the test can stop and start again on the
 * same port and data folder (an outage), unlike the shared {@link TestInfrastructure}. Point the
 * service at it with {@code registry.add("spring.cloud.stream.kafka.binder.brokers", broker::bootstrapServers)};
 * its folder is removed when the JVM ends.
 */
public final class OutageBroker {

    private final Path data;
    private final int port;
    private final String bootstrapServers;
    private volatile KafkaBroker broker;

    private OutageBroker(Path data) {
        this.data = data;
        this.broker = KafkaBroker.start(data, 0, 0);
        this.port = broker.port();
        this.bootstrapServers = broker.bootstrapServers();
        TopicProvisioner.ensure(broker.bootstrapServers(), Topics.ALL, Deadlines.KAFKA);
        Runtime.getRuntime().addShutdownHook(new Thread(this::remove, "outage-broker-cleanup"));
    }

    public static OutageBroker start(String name) {
        try {
            return new OutageBroker(Files.createTempDirectory(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the broker", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker: clients now fail to reach it. */
    public void stop() {
        broker.close();
    }

    /** Starts it again on the same port with the same data. */
    public void restart() {
        broker = KafkaBroker.start(data, port, 0);
    }

    private void remove() {
        broker.close();
        try {
            Folders.deleteRecursively(data);
        } catch (IOException e) {
            System.err.println("could not delete " + data + ": " + e);
        }
    }
}
