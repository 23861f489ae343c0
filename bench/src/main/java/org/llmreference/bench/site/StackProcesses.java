package org.llmreference.bench.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bench stack's processes, found by the pid files {@code ./llmref up} writes
 * ({@code $LLMREF_HOME/run/<name>.pid}): whether each still runs, and how much memory it holds.
 */
public final class StackProcesses {

    /** infra (Kafka + the MongoDB-wire server), then the services in start order. */
    public static final List<String> NAMES = List.of("infra", "catalog-service", "pricing-service",
            "comparison-service", "page-service");
    /** The pid file of a further instance of comparison-service or page-service ({@code page-service-2.pid}). */
    private static final Pattern FURTHER_INSTANCE = Pattern.compile("(comparison|page)-service-\\d+\\.pid");
    private static final Pattern VM_RSS = Pattern.compile("^VmRSS:\\s+(\\d+) kB$", Pattern.MULTILINE);

    private final Path home;

    public StackProcesses(Path home) {
        this.home = home;
    }

    /**
     * {@link #NAMES}, then the further instances of comparison-service and page-service the stack runs
     * ({@code LLMREF_COMPARISON_INSTANCES}, {@code LLMREF_PAGE_INSTANCES}), by name.
     */
    public List<String> names() {
        List<String> names = new ArrayList<>(NAMES);
        try (Stream<Path> files = Files.list(home.resolve("run"))) {
            files.map(file -> file.getFileName().toString()).filter(file -> FURTHER_INSTANCE.matcher(file).matches())
                    .sorted().forEach(file -> names.add(file.substring(0, file.length() - ".pid".length())));
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot list the pid files in " + home.resolve("run") + " (is the bench stack up?)", e);
        }
        return names;
    }

    /** Resident memory (VmRSS from /proc/{pid}/status) of each process, in bytes, in {@link #names()} order. */
    public Map<String, Long> residentBytes() {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (String name : names()) {
            rss.put(name, residentBytes(name));
        }
        return rss;
    }

    public long residentBytes(String name) {
        long pid = pid(name);
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try {
            Matcher rss = VM_RSS.matcher(Files.readString(status));
            if (!rss.find()) {
                throw new BenchmarkFailure("no VmRSS line in " + status + " (" + name + ")");
            }
            return Long.parseLong(rss.group(1)) * 1024;
        } catch (IOException e) {
            throw new BenchmarkFailure(name + " (pid " + pid + ") is not running any more: cannot read " + status
                    + "; see its log in " + home.resolve("logs"), e);
        }
    }

    /** The processes that have stopped (or whose pid file is gone). */
    public List<String> stopped() {
        List<String> stopped = new ArrayList<>();
        for (String name : names()) {
            Path pidFile = pidFile(name);
            if (!Files.exists(pidFile) || !ProcessHandle.of(pid(name)).map(ProcessHandle::isAlive).orElse(false)) {
                stopped.add(name);
            }
        }
        return stopped;
    }

    /** Fails, naming the processes and their logs, when any has stopped. */
    public void requireRunning() {
        List<String> stopped = stopped();
        if (!stopped.isEmpty()) {
            throw new BenchmarkFailure("the bench stack lost " + String.join(", ", stopped) + "; see the logs in "
                    + home.resolve("logs"));
        }
    }

    private long pid(String name) {
        Path pidFile = pidFile(name);
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot read the pid file " + pidFile + " of " + name + " (is the bench stack up?)", e);
        }
    }

    private Path pidFile(String name) {
        return home.resolve("run").resolve(name + ".pid");
    }
}
