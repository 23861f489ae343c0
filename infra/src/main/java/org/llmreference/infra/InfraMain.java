package org.llmreference.infra;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;

import org.llmreference.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded infrastructure of the run command, in one JVM: the MongoDB-wire server (data on
 * disk), then the Kafka broker, then every topic of {@link Topics#ALL}. Prints one line
 * {@code LLMREF INFRA READY kafka=<host:port> mongodb=<uri>} when all is up, runs until SIGTERM or
 * Ctrl-C, then stops Kafka and MongoDB cleanly and prints {@code LLMREF INFRA STOPPED}.
 *
 * <p>Exit codes: 0 after a clean stop or {@code --help}, 1 when a port is taken or a start fails,
 * 2 for a bad argument.
 */
public final class InfraMain {

    private static final Logger log = LoggerFactory.getLogger(InfraMain.class);
    private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(60);

    /** What has started, last started first: the order to stop in. */
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private InfraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(InfraSettings.USAGE);
            return;
        }
        InfraSettings settings;
        try {
            settings = InfraSettings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("infra: " + e.getMessage());
            System.err.print(InfraSettings.USAGE);
            System.exit(2);
            return;
        }
        new InfraMain().run(settings);
    }

    private void run(InfraSettings settings) throws InterruptedException {
        try {
            Ports.requireFree(settings.mongoPort(), "the MongoDB-wire server", "--mongo-port or LLMREF_MONGO_PORT");
            Ports.requireFree(settings.kafkaPort(), "Kafka", "--kafka-port or LLMREF_KAFKA_PORT");
            Ports.requireFree(settings.kafkaControllerPort(), "the Kafka controller",
                    "--kafka-controller-port or LLMREF_KAFKA_CONTROLLER_PORT");
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "infra-shutdown"));
            WireMongoServer mongo = WireMongoServer.onDisk(settings.mongoFile(), settings.mongoPort());
            started.push(mongo);
            KafkaBroker kafka = KafkaBroker.start(settings.kafkaDir(), settings.kafkaPort(), settings.kafkaControllerPort());
            started.push(kafka);
            TopicProvisioner.ensure(kafka.bootstrapServers(), Topics.ALL, TOPICS_TIMEOUT);
            log.info("{} topics in place; ready {} ms after the JVM started", Topics.ALL.size(),
                    ManagementFactory.getRuntimeMXBean().getUptime());
            System.out.println("LLMREF INFRA READY kafka=" + kafka.bootstrapServers() + " mongodb=" + mongo.connectionString());
        } catch (Ports.PortInUseException e) {
            System.err.println("infra: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            log.error("The infrastructure could not start", e);
            System.err.println("infra: could not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    /** Runs in the shutdown hook: Kafka first (it may still be writing), then MongoDB. */
    private void stop() {
        AutoCloseable resource;
        while ((resource = started.poll()) != null) {
            try {
                resource.close();
            } catch (Exception e) {
                log.error("Stopping {} failed", resource.getClass().getSimpleName(), e);
            }
        }
        System.out.println("LLMREF INFRA STOPPED");
        stopped.countDown();
    }
}
