package org.llmreference.bench.site.serving;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.llmreference.bench.site.BenchmarkFailure;

/**
 * An nginx of our own serving a folder, configured from bench/nginx/nginx.conf.template into its run
 * folder (config, pid file, temp paths, error log), in the foreground as our child process.
 */
final class Nginx implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Path runDir;
    private final URI url;

    private Nginx(Process process, Path runDir, URI url) {
        this.process = process;
        this.runDir = runDir;
        this.url = url;
    }

    /** Starts nginx on 127.0.0.1:{@code port} serving {@code root}, and waits until it answers {@code probePath}. */
    static Nginx start(String executable, Path template, Path runDir, Path root, int port, String probePath) {
        try {
            Files.createDirectories(runDir);
            String config = Files.readString(template)
                    .replace("${USER_DIRECTIVE}", runsAsRoot() ? "user root;" : "")
                    .replace("${RUN_DIR}", runDir.toString())
                    .replace("${ROOT}", root.toString())
                    .replace("${PORT}", String.valueOf(port));
            Path configFile = runDir.resolve("nginx.conf");
            Files.writeString(configFile, config);
            Path errorLog = runDir.resolve("error.log");
            Process process = new ProcessBuilder(executable, "-p", runDir.toString(), "-c", configFile.toString(),
                    "-e", errorLog.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(runDir.resolve("nginx.out").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Nginx nginx = new Nginx(process, runDir, URI.create("http://127.0.0.1:" + port));
            nginx.awaitAnswer(probePath);
            return nginx;
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot start nginx (" + executable + "): " + e.getMessage(), e);
        }
    }

    URI url() {
        return url;
    }

    private void awaitAnswer(String probePath) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String lastProblem = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BenchmarkFailure("nginx stopped at start (exit " + process.exitValue() + "); see "
                        + runDir.resolve("error.log") + " and " + runDir.resolve("nginx.out"));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url.resolve(probePath)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                lastProblem = "answered " + response.statusCode();
            } catch (IOException e) {
                lastProblem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkFailure("interrupted while starting nginx", e);
            }
            sleep();
        }
        close();
        throw new BenchmarkFailure("nginx did not serve " + probePath + " within " + START_TIMEOUT.toSeconds() + " s ("
                + lastProblem + "); see " + runDir.resolve("error.log"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted while starting nginx", e);
        }
    }
}
