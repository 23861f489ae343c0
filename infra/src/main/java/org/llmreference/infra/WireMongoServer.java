package org.llmreference.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) on loopback: on disk in one H2 MVStore file
 * for the run command, in memory for tests. It has no transactions and no change streams (the
 * oplog stays off: on disk it would double every write), and it accepts but ignores non-unique
 * secondary indexes. It also lacks the {@code hello} command, which MongoDB health checks use, and
 * reads a query that pins an {@code _id} among other conditions by scanning the collection; both
 * backends here ({@link IdIndexedBackends}) answer {@code hello} like {@code isMaster} and find such
 * a document through the {@code _id} index.
 */
public final class WireMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WireMongoServer.class);

    private final MongoServer server;
    private final int port;
    private boolean closed;

    private WireMongoServer(MongoBackend backend, int port, String description) {
        Ports.requireValid(port);
        this.server = new MongoServer(backend);
        try {
            server.bind(Ports.LOOPBACK, port);
        } catch (RuntimeException e) {
            // MongoServer has already shut itself down, backend included.
            throw new IllegalStateException("the MongoDB-wire server could not listen on " + Ports.LOOPBACK + ":" + port, e);
        }
        this.port = server.getLocalAddress().getPort();
        log.info("MongoDB-wire server on {}:{} ({})", Ports.LOOPBACK, this.port, description);
    }

    /** Keeps its data in {@code file} (an H2 MVStore file, created if missing) between runs. Port 0: any free port. */
    public static WireMongoServer onDisk(Path file, int port) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + absolute, e);
        }
        H2Backend backend;
        try {
            backend = new IdIndexedBackends.OnDisk(absolute.toString());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the MongoDB data file " + absolute
                    + " (is another launcher using it?): " + e.getMessage(), e);
        }
        return new WireMongoServer(backend, port, "data in " + file);
    }

    /** Keeps nothing after it stops. Port 0: any free port. */
    public static WireMongoServer inMemory(int port) {
        return new WireMongoServer(new IdIndexedBackends.InMemory(), port, "in memory");
    }

    /** {@code mongodb://127.0.0.1:<port>}, without a database. */
    public String connectionString() {
        return "mongodb://" + Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Stops listening, closes the client connections and then the backend (which flushes and closes the H2 file). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        log.info("MongoDB-wire server on port {} stopped", port);
    }

    static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    /** The {@code isMaster} reply plus the field name {@code hello} replies use instead of {@code ismaster}. */
    static Document asHelloReply(Document isMasterReply) {
        isMasterReply.put("isWritablePrimary", isMasterReply.getOrDefault("ismaster", Boolean.TRUE));
        return isMasterReply;
    }
}
