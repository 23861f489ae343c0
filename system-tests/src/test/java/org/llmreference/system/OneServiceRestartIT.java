package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The run command as a user runs it: {@code ./llmref up} in the foreground, on ports and in a
 * folder of its own, with the jars the build made ({@code LLMREF_BUILD=never}). Each service in
 * turn is killed with {@code kill -9}; the run command starts it again, and it is ready again within
 * {@link #BACK_WITHIN}, while the other processes keep their pids and their readiness the whole
 * time. Ctrl-C (SIGTERM here) then stops everything.
 */
class OneServiceRestartIT {

    static final List<String> SERVICES = List.of("catalog-service", "pricing-service", "comparison-service", "page-service");
    /** Measured 9-30 s on a busy 2-core machine (figures.txt); this leaves room for a slower one. */
    static final Duration BACK_WITHIN = Duration.ofSeconds(120);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Path root = Path.of(System.getProperty("llmref.repository.root", "..")).toAbsolutePath().normalize();
    final Map<String, Integer> ports = new LinkedHashMap<>();

    @Test
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void aServiceKilledUnderUpIsReadyAgainSoonWhileTheOthersNeverStop() throws Exception {
        Path home = Files.createTempDirectory("llmref-restart");
        Path output = Path.of("target", "one-service-restart-up.log").toAbsolutePath();
        Files.createDirectories(output.getParent());
        for (String service : SERVICES) {
            ports.put(service, freePort());
        }
        ProcessBuilder builder = new ProcessBuilder(root.resolve("llmref").toString(), "up").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("LLMREF_HOME", home.toString());
        environment.put("LLMREF_BUILD", "never");
        environment.put("LLMREF_DEMO", "0");
        environment.put("LLMREF_READY_TIMEOUT", "400");
        environment.put("LLMREF_SERVICE_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        environment.put("LLMREF_CATALOG_PORT", ports.get("catalog-service").toString());
        environment.put("LLMREF_PRICING_PORT", ports.get("pricing-service").toString());
        environment.put("LLMREF_COMPARISON_PORT", ports.get("comparison-service").toString());
        environment.put("LLMREF_PAGE_PORT", ports.get("page-service").toString());
        environment.put("LLMREF_CONSOLE_PORT", String.valueOf(freePort()));
        environment.put("LLMREF_KAFKA_PORT", String.valueOf(freePort()));
        environment.put("LLMREF_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
        environment.put("LLMREF_MONGO_PORT", String.valueOf(freePort()));
        Process up = builder.start();
        boolean checked = false;
        try {
            await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(up.isAlive()).as("./llmref up runs; its output:%n%s", read(output)).isTrue();
                return read(output).contains("LLM Reference is ready");
            });
            Map<String, Long> pids = pids(home);
            assertThat(pids.keySet()).containsExactly("infra", "catalog-service", "pricing-service", "comparison-service",
                    "page-service");

            for (String killed : SERVICES) {
                List<String> others = SERVICES.stream().filter(service -> !service.equals(killed)).toList();
                ReadinessWatch watch = new ReadinessWatch(others);
                Thread watching = new Thread(watch, "readiness-watch");
                watching.start();
                long before = pids.get(killed);
                long killedAt;
                try {
                    assertThat(ProcessHandle.of(before).map(ProcessHandle::destroyForcibly)).as("kill -9 %s", killed).contains(true);
                    killedAt = System.nanoTime();
                    await().atMost(BACK_WITHIN).pollInterval(Duration.ofMillis(250)).until(
                            () -> readPid(home, killed) != before && readiness(ports.get(killed)) == 200);
                } finally {
                    watch.running.set(false);
                    watching.join(30_000);
                }
                double back = (System.nanoTime() - killedAt) / 1e9;
                Map<String, Long> now = pids(home);
                for (String process : pids.keySet()) {
                    if (!process.equals(killed)) {
                        assertThat(now.get(process)).as("%s keeps running while %s is restarted", process, killed)
                                .isEqualTo(pids.get(process));
                        assertThat(ProcessHandle.of(pids.get(process)).map(ProcessHandle::isAlive)).as(process).contains(true);
                    }
                }
                assertThat(watch.lost).as("readiness of the others while %s was restarted", killed).isEmpty();
                assertThat(watch.answers.get()).as("readiness answers of the others").isGreaterThan(others.size());
                Figures.record("One-service restart under ./llmref up: %s ready again %.1f s after kill -9; the others kept "
                        + "their pids and answered readiness 200 %d times (%d checks slower than 10 s)", killed, back,
                        watch.answers.get(), watch.slow.get());
                pids = now;
            }
            // The run command says what it did, on its next look (about a second later).
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(read(output))
                    .contains("catalog-service stopped", "catalog-service is ready again", "page-service is ready again"));
            checked = true;
        } finally {
            up.destroy();
            boolean stopped = up.waitFor(120, TimeUnit.SECONDS);
            if (!stopped) {
                up.destroyForcibly();
            }
            // Whatever Ctrl-C left behind (nothing, when it works): ./llmref down with the same home stops it by its pid files.
            ProcessBuilder downBuilder = new ProcessBuilder(root.resolve("llmref").toString(), "down").directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            downBuilder.environment().putAll(environment);
            Process down = downBuilder.start();
            down.waitFor(120, TimeUnit.SECONDS);
            deleteRecursively(home);
            if (checked) {
                assertThat(stopped).as("./llmref up stops everything on SIGTERM within 120 s").isTrue();
                assertThat(read(output)).contains("Stopped.");
            }
        }
    }

    /** Polls the readiness of the given services until stopped, noting every answer that is not 200. */
    final class ReadinessWatch implements Runnable {

        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger answers = new AtomicInteger();
        final AtomicInteger slow = new AtomicInteger();
        final List<String> lost = new CopyOnWriteArrayList<>();
        private final List<String> services;

        ReadinessWatch(List<String> services) {
            this.services = services;
        }

        @Override
        public void run() {
            while (running.get()) {
                for (String service : services) {
                    try {
                        int status = HTTP.send(readinessRequest(ports.get(service)), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        if (status == 200) {
                            answers.incrementAndGet();
                        } else {
                            lost.add(service + " answered " + status);
                        }
                    } catch (HttpTimeoutException e) {
                        slow.incrementAndGet(); // a busy machine, not a lost service: its port answered, slowly
                    } catch (ConnectException e) {
                        lost.add(service + " refused the connection");
                    } catch (IOException e) {
                        lost.add(service + ": " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static HttpRequest readinessRequest(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10)).build();
    }

    static int readiness(int port) {
        try {
            return HTTP.send(readinessRequest(port), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** infra and the services, with the pid each pid file of the run command holds. */
    static Map<String, Long> pids(Path home) {
        Map<String, Long> pids = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of("infra"));
        names.addAll(SERVICES);
        for (String name : names) {
            pids.put(name, readPid(home, name));
        }
        return pids;
    }

    static long readPid(Path home, String name) {
        try {
            return Long.parseLong(Files.readString(home.resolve("run").resolve(name + ".pid")).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
