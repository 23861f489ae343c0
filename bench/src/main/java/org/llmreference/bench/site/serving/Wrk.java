package org.llmreference.bench.site.serving;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.llmreference.bench.site.BenchmarkFailure;

/** Runs wrk with --latency and a Lua script, keeps its report in a file, and reads it. */
final class Wrk {

    private final String executable;
    private final int threads;
    private final int connections;
    private final Path script;

    Wrk(String executable, int threads, int connections, Path script) {
        this.executable = executable;
        this.threads = threads;
        this.connections = connections;
        this.script = script;
    }

    /** One run of {@code duration} against {@code server}; its report is also written to {@code report}. */
    WrkResult run(URI server, Duration duration, Path report) {
        List<String> command = List.of(executable, "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "-s", script.toString(), server.toString());
        System.out.println("[B3] " + String.join(" ", command));
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(report.toFile()).start();
            if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                wrk.destroyForcibly();
                throw new BenchmarkFailure("wrk did not finish within " + (duration.toSeconds() + 60) + " s; see " + report);
            }
            String output = Files.readString(report);
            if (wrk.exitValue() != 0) {
                throw new BenchmarkFailure("wrk failed (exit " + wrk.exitValue() + "):\n" + output);
            }
            try {
                return WrkResult.parse(output);
            } catch (IllegalArgumentException e) {
                throw new BenchmarkFailure("cannot read wrk's report " + report + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot run wrk (" + executable + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted while wrk ran", e);
        }
    }

    /** A Lua script that cycles through {@code paths}, each wrk thread from its own starting point. */
    static String cyclingScript(List<String> paths) {
        StringBuilder lua = new StringBuilder("""
                -- Written by bench/site-bench (B3): cycles through the pages it picked, each wrk thread
                -- starting at its own place in the list. No Accept-Encoding: identity responses.
                local paths = {
                """);
        for (String path : paths) {
            if (path.contains("\"") || path.contains("\\")) {
                throw new IllegalArgumentException("a path with a quote or backslash: " + path);
            }
            lua.append("  \"").append(path).append("\",\n");
        }
        lua.append("""
                }
                local threads = 0
                local next_path = 1

                function setup(thread)
                  thread:set("first_path", threads * 499)
                  threads = threads + 1
                end

                function init(args)
                  next_path = (first_path or 0) % #paths + 1
                end

                function request()
                  local path = paths[next_path]
                  next_path = next_path % #paths + 1
                  return wrk.format("GET", path)
                end
                """);
        return lua.toString();
    }
}
