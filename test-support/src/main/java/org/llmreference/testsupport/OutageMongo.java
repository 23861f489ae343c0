package org.llmreference.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.llmreference.infra.WireMongoServer;

/**
 * A MongoDB-wire server of a test's own, keeping its data in a file, that the test can stop and
 * start again on the same port with the same data (an outage), as an ops person restarting the
 * database would; the MongoDB counterpart of {@link OutageBroker}. Its folder is removed when the JVM ends.
 */
public final class OutageMongo {

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

    public static OutageMongo start() {
        try {
            return new OutageMongo(Files.createTempDirectory("llmref-outage-mongo"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the MongoDB-wire server", e);
        }
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Stops listening and closes the data file: clients now fail to reach it. */
    public void stop() {
        server.close();
    }

    /** Opens the same data file again on the same port. */
    public void restart() {
        server = WireMongoServer.onDisk(file, port);
    }

    private void remove() {
        server.close();
        try {
            Folders.deleteRecursively(folder);
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e);
        }
    }
}
