package org.llmreference.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) on loopback: on disk in one H2 MVStore file
 * for the run command, in memory for tests. It has no transactions and no change streams, and
 * accepts but ignores non-unique secondary indexes. It also lacks the {@code hello} command, which
 * MongoDB health checks use; both backends here answer it like {@code isMaster}.
 */
public final class WireMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final int port;
    private boolean closed;

    private WireMongoServer(MongoBackend backend, int port) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        this.port = Ports.resolve(port);
        server.bind(Ports.LOOPBACK, this.port);
    }

    /** Keeps its data in {@code file} between runs. */
    public static WireMongoServer onDisk(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + file, e);
        }
        return new WireMongoServer(new HelloAwareH2Backend(file.toAbsolutePath().toString()), port);
    }

    /** Keeps nothing after it stops. */
    public static WireMongoServer inMemory(int port) {
        return new WireMongoServer(new HelloAwareMemoryBackend(), port);
    }

    public String connectionString() {
        return "mongodb://" + Ports.LOOPBACK + ":" + port;
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
        server.shutdown();
        backend.close();
    }

    static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    static Document asHelloReply(Document isMasterReply) {
        isMasterReply.put("isWritablePrimary", isMasterReply.getOrDefault("ismaster", Boolean.TRUE));
        return isMasterReply;
    }

    private static final class HelloAwareH2Backend extends H2Backend {
        HelloAwareH2Backend(String file) {
            super(file);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return isHello(command) ? asHelloReply(super.handleCommand(channel, database, "isMaster", query))
                    : super.handleCommand(channel, database, command, query);
        }
    }

    private static final class HelloAwareMemoryBackend extends MemoryBackend {
        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return isHello(command) ? asHelloReply(super.handleCommand(channel, database, "isMaster", query))
                    : super.handleCommand(channel, database, command, query);
        }
    }
}
