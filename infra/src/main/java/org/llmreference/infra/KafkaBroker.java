package org.llmreference.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Apache Kafka broker in this JVM: KRaft mode, one node that is both broker and the only
 * controller (a static quorum of one voter), listening on loopback only. Its log directory is
 * formatted once with a fixed cluster id, so a restart on the same directory finds its topics and
 * records again, even on other ports.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    /** Fixed so that the storage formatted by one run is accepted by the next. */
    static final String CLUSTER_ID = "bGxtcmVmZXJlbmNlMDAx";

    private final KafkaRaftServer server;
    private final int port;
    private boolean closed;

    private KafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Formats {@code dataDir} if needed and starts the broker; returns once it accepts clients.
     * The data lives in {@code dataDir/logs}, next to the {@code server.properties} it was started with.
     *
     * @param port           client port, 0 for any free port
     * @param controllerPort KRaft controller port, 0 for any free port
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        Objects.requireNonNull(dataDir, "dataDir");
        int clientPort = Ports.resolve(port);
        int quorumPort = Ports.resolve(controllerPort);
        while (controllerPort == 0 && quorumPort == clientPort) {
            quorumPort = Ports.resolve(0);
        }
        if (clientPort == quorumPort) {
            throw new IllegalArgumentException("the Kafka client and controller ports must differ: " + clientPort);
        }
        long begin = System.nanoTime();
        Properties properties = properties(dataDir.resolve("logs"), clientPort, quorumPort);
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "written by the LLM Reference infra launcher on every start");
            }
            format(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka data folder " + dataDir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            stopAfterFailedStart(server, e);
            throw new IllegalStateException("Kafka could not start on " + Ports.LOOPBACK + ":" + clientPort
                    + " (controller port " + quorumPort + ", data in " + dataDir + "): " + e.getMessage(), e);
        }
        log.info("Kafka broker on {}:{} (controller port {}, data in {}) started in {} ms", Ports.LOOPBACK, clientPort,
                quorumPort, dataDir, (System.nanoTime() - begin) / 1_000_000);
        return new KafkaBroker(server, clientPort);
    }

    static Properties properties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // The default 128 MB dedupe buffer does not fit a small heap; compacted topics here are small.
        p.put("log.cleaner.dedupe.buffer.size", "4194304");
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        return p;
    }

    private static void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(new String[] {"format", "-t", CLUSTER_ID, "-c", config.toString(),
                    "--ignore-formatted"}, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("formatting Kafka storage failed: " + e.getMessage(), e);
        }
        if (exit != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (exit " + exit + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Stops the threads a failed start left running, so that they do not keep the JVM alive. */
    private static void stopAfterFailedStart(KafkaRaftServer server, RuntimeException failure) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long begin = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker on port {} stopped in {} ms", port, (System.nanoTime() - begin) / 1_000_000);
    }
}
