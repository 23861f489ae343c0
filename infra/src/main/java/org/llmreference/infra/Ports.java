package org.llmreference.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers. */
final class Ports {

    static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /** Accepts 0 ("any free port") and 1 to 65535. */
    static int requireValid(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is between 1 and 65535 (or 0 for any free port), not " + port);
        }
        return port;
    }

    /** {@code port}, or a free port when it is 0. */
    static int resolve(int port) {
        if (requireValid(port) != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LOOPBACK, e);
        }
    }

    /**
     * Fails with a message naming the port and how to choose another when something already listens on it.
     *
     * @param what    what the port is for, as the message names it
     * @param setting how to choose another port, e.g. {@code --kafka-port or LLMREF_KAFKA_PORT}
     */
    static void requireFree(int port, String what, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
        } catch (IOException e) {
            throw new PortInUseException("port " + port + " for " + what + " is already in use (" + e.getMessage()
                    + "); choose another with " + setting + ", or stop what uses it");
        }
    }

    /** A port another process holds. */
    static final class PortInUseException extends RuntimeException {
        PortInUseException(String message) {
            super(message);
        }
    }
}
