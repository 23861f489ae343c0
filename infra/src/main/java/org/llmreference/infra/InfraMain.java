package org.llmreference.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.llmreference.contracts.Topics;

/**
 * The embedded infrastructure of the run command, in one JVM: the MongoDB-wire server (data on
 * disk), then the Kafka broker, then every topic of {@link Topics#ALL}. Prints one line starting
 * {@code LLMREF INFRA READY} when all is up, and stops cleanly on SIGTERM or Ctrl-C.
 */
public final class InfraMain {

    static final String USAGE = """
            Usage: java -jar infra.jar [options]
              --data-dir DIR               where Kafka and MongoDB keep their data (env LLMREF_DATA_DIR, default .llmref/data)
              --kafka-port PORT            Kafka client port (env LLMREF_KAFKA_PORT, default 9092)
              --kafka-controller-port PORT KRaft controller port (env LLMREF_KAFKA_CONTROLLER_PORT, default 9093)
              --mongo-port PORT            MongoDB-wire port (env LLMREF_MONGO_PORT, default 27017)
              --help                       this text
            """;

    private InfraMain() {
    }

    /** The launcher's settings, from arguments over environment over defaults. */
    record Settings(Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort) {

        static Settings parse(String[] args, Map<String, String> env) {
            Path dataDir = Path.of(env.getOrDefault("LLMREF_DATA_DIR", ".llmref/data"));
            int kafkaPort = port(env.getOrDefault("LLMREF_KAFKA_PORT", "9092"), "LLMREF_KAFKA_PORT");
            int controllerPort = port(env.getOrDefault("LLMREF_KAFKA_CONTROLLER_PORT", "9093"), "LLMREF_KAFKA_CONTROLLER_PORT");
            int mongoPort = port(env.getOrDefault("LLMREF_MONGO_PORT", "27017"), "LLMREF_MONGO_PORT");
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option.equals("--help") ? "" : "missing value after " + option);
                }
                String value = args[++i];
                switch (option) {
                    case "--data-dir" -> dataDir = Path.of(value);
                    case "--kafka-port" -> kafkaPort = port(value, option);
                    case "--kafka-controller-port" -> controllerPort = port(value, option);
                    case "--mongo-port" -> mongoPort = port(value, option);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (kafkaPort == controllerPort || kafkaPort == mongoPort || controllerPort == mongoPort) {
                throw new IllegalArgumentException("the three ports must differ: " + kafkaPort + ", " + controllerPort
                        + ", " + mongoPort);
            }
            return new Settings(dataDir, kafkaPort, controllerPort, mongoPort);
        }

        private static int port(String value, String name) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port < 1 || port > 65_535) {
                    throw new IllegalArgumentException(name + " must be a port between 1 and 65535, not " + value);
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("infra: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll(started);
            System.out.println("LLMREF INFRA STOPPED");
            stopped.countDown();
        }, "infra-shutdown"));
        try {
            long begin = System.nanoTime();
            Ports.requireFree(settings.mongoPort(), "the MongoDB-wire server", "--mongo-port");
            Ports.requireFree(settings.kafkaPort(), "Kafka", "--kafka-port");
            Ports.requireFree(settings.kafkaControllerPort(), "the Kafka controller", "--kafka-controller-port");
            WireMongoServer mongo = WireMongoServer.onDisk(settings.dataDir().resolve("mongo").resolve("llmref.mv.db"),
                    settings.mongoPort());
            started.add(0, mongo);
            KafkaBroker kafka = KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                    settings.kafkaControllerPort());
            started.add(0, kafka);
            TopicProvisioner.ensure(kafka.bootstrapServers(), Topics.ALL, Duration.ofSeconds(60));
            System.out.printf("LLMREF INFRA READY kafka=%s mongodb=%s (%d ms)%n", kafka.bootstrapServers(),
                    mongo.connectionString(), (System.nanoTime() - begin) / 1_000_000);
        } catch (Ports.PortInUseException e) {
            System.err.println("infra: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("infra: could not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        stopped.await();
    }

    private static void stopAll(List<AutoCloseable> started) {
        for (AutoCloseable resource : started) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("infra: stopping " + resource.getClass().getSimpleName() + ": " + e);
            }
        }
    }
}
