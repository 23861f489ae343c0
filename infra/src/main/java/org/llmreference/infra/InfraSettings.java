package org.llmreference.infra;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the launcher starts where: from the command-line arguments, over the environment, over the
 * defaults.
 */
record InfraSettings(Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort) {

    static final String USAGE = """
            Usage: java -jar infra.jar [options]
              --data-dir DIR                where Kafka and MongoDB keep their data (env LLMREF_DATA_DIR, default .llmref/data)
              --kafka-port PORT             Kafka client port (env LLMREF_KAFKA_PORT, default 9092)
              --kafka-controller-port PORT  KRaft controller port (env LLMREF_KAFKA_CONTROLLER_PORT, default 9093)
              --mongo-port PORT             MongoDB-wire port (env LLMREF_MONGO_PORT, default 27017)
              --help                        this text
            """;

    InfraSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        requirePort(kafkaPort, "the Kafka port");
        requirePort(kafkaControllerPort, "the Kafka controller port");
        requirePort(mongoPort, "the MongoDB port");
        if (kafkaPort == kafkaControllerPort || kafkaPort == mongoPort || kafkaControllerPort == mongoPort) {
            throw new IllegalArgumentException("the three ports must differ: Kafka " + kafkaPort + ", Kafka controller "
                    + kafkaControllerPort + ", MongoDB " + mongoPort);
        }
    }

    /** Kafka's data folder. */
    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    /** The one H2 file that holds every MongoDB database. */
    Path mongoFile() {
        return dataDir.resolve("mongo").resolve("llmref.mv.db");
    }

    /** @throws IllegalArgumentException with a message for the user, naming the option or variable at fault */
    static InfraSettings parse(String[] args, Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("LLMREF_DATA_DIR", ".llmref/data"));
        int kafkaPort = port(env.getOrDefault("LLMREF_KAFKA_PORT", "9092"), "LLMREF_KAFKA_PORT");
        int controllerPort = port(env.getOrDefault("LLMREF_KAFKA_CONTROLLER_PORT", "9093"), "LLMREF_KAFKA_CONTROLLER_PORT");
        int mongoPort = port(env.getOrDefault("LLMREF_MONGO_PORT", "27017"), "LLMREF_MONGO_PORT");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.startsWith("--") || option.equals("--help")) {
                throw new IllegalArgumentException("unexpected argument " + option);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option);
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
        return new InfraSettings(dataDir, kafkaPort, controllerPort, mongoPort);
    }

    private static int port(String value, String name) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'", e);
        }
        return requirePort(port, name);
    }

    private static int requirePort(int port, String name) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be a port between 1 and 65535, not " + port);
        }
        return port;
    }
}
