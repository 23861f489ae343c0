package org.llmreference.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.llmreference.testsupport.Deadlines;

/**
 * One service run the way the run command runs it: its packaged jar in a JVM of its own, with the
 * infrastructure's addresses in its environment and its output in {@code target/<name>.log}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Deadlines.HTTP_CONNECT).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Map<String, String> environment;

    private ServiceProcess(String name, int port, Process process, Path log, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.environment = environment;
    }

    static ServiceProcess start(String name, Map<String, String> environment) {
        return start(name, environment, freePort(), Path.of("target", name + ".log"));
    }

    /**
     * Instance {@code instance} (2, 3, ...) of this service, with this process's settings but for
     * {@code LLMREF_INSTANCE}, a port and a log of its own.
     */
    ServiceProcess startInstance(int instance) {
        Map<String, String> own = new HashMap<>(environment);
        own.put("LLMREF_INSTANCE", String.valueOf(instance));
        return start(name, own, freePort(), Path.of("target", name + "-" + instance + ".log"));
    }

    private static ServiceProcess start(String name, Map<String, String> environment, int port, Path log) {
        Path root = Path.of(System.getProperty("llmref.repository.root", ".."));
        Path jar = root.resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run after the services are packaged (mvn verify)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        String recordings = System.getProperty("llmref.system-tests.jfr");
        if (recordings != null) {
            // -Dllmref.system-tests.jfr=<folder>: a flight recording per service process, to profile a slow test.
            command.add("-XX:StartFlightRecording=settings=profile,filename="
                    + Path.of(recordings).toAbsolutePath().resolve(log.getFileName().toString().replace(".log", ".jfr")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        try {
            Files.createDirectories(log.getParent());
            return new ServiceProcess(name, port, builder.start(), log, Map.copyOf(environment));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until {@code /actuator/health/readiness} answers 200. */
    ServiceProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            if (readinessStatus() == 200) {
                return this;
            }
            pause();
        }
        throw new AssertionError(name + " was not ready within " + timeout + "; see " + log);
    }

    int readinessStatus() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Deadlines.HTTP_REQUEST).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    int port() {
        return port;
    }

    /** Stops the service as Ctrl-C would (SIGTERM) and returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Deadlines.SERVICE_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(Deadlines.SERVICE_STOP.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError(name + " did not stop within " + Deadlines.SERVICE_STOP + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** Kills the service without warning (SIGKILL, as {@code kill -9} does) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(Deadlines.SERVICE_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " survived SIGKILL for " + Deadlines.SERVICE_STOP);
        }
    }

    /** Starts the service again, on the same port with the same environment, once this process has ended. */
    ServiceProcess restart(String logSuffix) {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        return start(name, environment, port, Path.of("target", name + "-" + logSuffix + ".log"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
