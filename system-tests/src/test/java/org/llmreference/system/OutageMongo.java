package org.llmreference.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.llmreference.infra.WireMongoServer;

/**
 * A MongoDB-wire server of a test's own, keeping its data in a file, that the test can stop and
 * start again on the same port with the same data (an outage), as an ops person restarting the
 * database would. Its folder is removed when the JVM ends.
 */
final class OutageMongo {

    private final Path folder;
    private final Path file;
    private final int port;
    private volatile WireMongoServer server;

    private OutageMongo(Path folder) {
        this.folder = folder;
        this.file = folder.resolve("mongo.mv.db");
        this.server = WireMongoServer.onDisk(file, 0);
        this.port = server.port();
        Runtime.getRuntime().addShutdownHook(new Thread(this::remove, "outage-mongo-cleanup"));
    }

    static OutageMongo start() {
        try {
            return new OutageMongo(Files.createTempDirectory("llmref-outage-mongo"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the MongoDB-wire server", e);
        }
    }

    String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Stops listening and closes the data file: clients now fail to reach it. */
    void stop() {
        server.close();
    }

    /** Opens the same data file again on the same port. */
    void restart() {
        server = WireMongoServer.onDisk(file, port);
    }

    private void remove() {
        server.close();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e);
        }
    }
}
