package org.llmreference.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerting of docker-compose, checked with the tools Prometheus and Alertmanager ship: the rule
 * files are valid and every alert fires and stays quiet in its promtool tests
 * ({@code prometheus/rules/*.test.yml}), the Prometheus configurations load, the rendered Alertmanager
 * configuration is valid, and every alert has a runbook in docs/operations.md. promtool and amtool
 * come from Debian's {@code prometheus} and {@code prometheus-alertmanager} packages (.ci/run installs
 * them); where one is missing its tests are skipped, saying so.
 */
class AlertingConfigTest {

    private static final Path RULES = Path.of("prometheus/rules");
    private static final Path PROMETHEUS = Path.of("prometheus");
    private static final Path ALERTMANAGER = Path.of("alertmanager");
    private static final Path RUNBOOKS = Path.of("../docs/operations.md");
    private static final Path COMPOSE = Path.of("../docker-compose.yml");
    private static final Pattern ALERT = Pattern.compile("^\\s*- alert: (\\S+)\\s*$", Pattern.MULTILINE);

    @TempDir
    Path work;

    @Test
    void ruleFilesAreValid() throws IOException {
        requireTool("promtool", "prometheus");
        List<String> command = new ArrayList<>(List.of("promtool", "check", "rules"));
        command.addAll(files("*.rules.yml"));

        assertThat(run(command, Map.of())).contains("SUCCESS");
    }

    @Test
    void everyAlertFiresAndStaysQuietInItsTests() throws IOException {
        requireTool("promtool", "prometheus");
        List<String> command = new ArrayList<>(List.of("promtool", "test", "rules"));
        command.addAll(files("*.test.yml"));

        assertThat(run(command, Map.of())).contains("SUCCESS");
    }

    @Test
    void everyAlertHasFiringAndQuietTestsAndARunbook() throws IOException {
        String tests = String.join("\n", readAll("*.test.yml"));
        String runbooks = Files.readString(RUNBOOKS);
        List<String> alerts = alerts();

        assertThat(alerts).hasSizeGreaterThanOrEqualTo(9);
        for (String alert : alerts) {
            assertThat(tests).as("a test where %s fires", alert)
                    .containsPattern("alertname: " + alert + "\\s+exp_alerts:\\s+- exp_labels");
            assertThat(tests).as("a test where %s stays quiet", alert)
                    .containsPattern("alertname: " + alert + "\\s+exp_alerts: \\[\\]");
            assertThat(runbooks).as("a runbook section for %s in docs/operations.md", alert).contains("\n### " + alert + "\n");
            assertThat(String.join("\n", readAll("*.rules.yml"))).as("%s names its runbook", alert)
                    .contains("runbook: docs/operations.md#" + alert.toLowerCase());
        }
    }

    @Test
    void prometheusConfigurationsLoadWithTheirRules() throws IOException {
        requireTool("promtool", "prometheus");

        assertThat(run(List.of("promtool", "check", "config", PROMETHEUS.resolve("prometheus.yml").toString()), Map.of()))
                .contains("Checking " + RULES.resolve("llmref.rules.yml")).containsPattern("SUCCESS: \\d+ rules found");
        assertThat(run(List.of("promtool", "check", "config", PROMETHEUS.resolve("prometheus-local.yml").toString()),
                Map.of())).contains("Checking " + RULES.resolve("llmref.rules.yml")).containsPattern("SUCCESS: \\d+ rules found");
    }

    @Test
    void alertmanagerConfigurationIsValidWithTheWebhookFromTheEnvironment() throws IOException {
        requireTool("amtool", "prometheus-alertmanager");
        Path rendered = work.resolve("alertmanager.yml");
        String template = ALERTMANAGER.resolve("alertmanager.yml").toString();
        String script = ALERTMANAGER.resolve("render-config.sh").toString();

        run(List.of("sh", script, template, rendered.toString()),
                Map.of("ALERTMANAGER_WEBHOOK_URL", "https://hooks.example.org/alerts?team=ops"));

        assertThat(Files.readString(rendered)).contains("url: 'https://hooks.example.org/alerts?team=ops'")
                .doesNotContain("url: '${");
        assertThat(run(List.of("amtool", "check-config", rendered.toString()), Map.of())).contains("SUCCESS");
    }

    @Test
    void theWebhookDefaultsToAReceiverOnTheDockerHostAndMustBeAnHttpUrl() throws IOException {
        Path byDefault = work.resolve("default.yml");
        Result unset = exec(List.of("sh", ALERTMANAGER.resolve("render-config.sh").toString(),
                ALERTMANAGER.resolve("alertmanager.yml").toString(), byDefault.toString()), Map.of());
        Result bad = exec(List.of("sh", ALERTMANAGER.resolve("render-config.sh").toString(),
                ALERTMANAGER.resolve("alertmanager.yml").toString(), work.resolve("bad.yml").toString()),
                Map.of("ALERTMANAGER_WEBHOOK_URL", "hooks.example.org/alerts"));

        assertThat(unset.exitCode()).as(unset.output()).isZero();
        assertThat(Files.readString(byDefault)).contains("url: 'http://host.docker.internal:9095/alerts'");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.output()).contains("ALERTMANAGER_WEBHOOK_URL must be an http(s) URL, was: hooks.example.org/alerts");
        assertThat(work.resolve("bad.yml")).doesNotExist();
    }

    @Test
    void composePinsEveryImageAndLimitsEveryContainersMemory() throws IOException {
        List<String> lines = Files.readAllLines(COMPOSE);
        List<String> images = lines.stream().filter(line -> line.matches("\\s+image: .*")).toList();
        long limits = lines.stream().filter(line -> line.matches("\\s+mem_limit: \\d+[mg]")).count();

        assertThat(images).isNotEmpty().allSatisfy(image -> assertThat(image)
                .as("a pinned image").matches("\\s+image: [^:\\s]+:(\\$\\{LLMREF_VERSION:-[\\w.-]+\\}|[\\w.-]+)")
                .doesNotContain(":latest"));
        assertThat(limits).as("a memory limit per container").isEqualTo(images.size());
    }

    private static List<String> alerts() throws IOException {
        List<String> alerts = new ArrayList<>();
        for (String rules : readAll("*.rules.yml")) {
            Matcher matcher = ALERT.matcher(rules);
            while (matcher.find()) {
                alerts.add(matcher.group(1));
            }
        }
        return alerts;
    }

    private static List<String> files(String glob) throws IOException {
        List<String> files = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(RULES, glob)) {
            stream.forEach(file -> files.add(file.toString()));
        }
        assertThat(files).as("%s in %s", glob, RULES).isNotEmpty();
        return files.stream().sorted().toList();
    }

    private static List<String> readAll(String glob) throws IOException {
        List<String> contents = new ArrayList<>();
        for (String file : files(glob)) {
            contents.add(Files.readString(Path.of(file)));
        }
        return contents;
    }

    private static void requireTool(String tool, String debianPackage) {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, tool)).anyMatch(Files::isExecutable);
        assumeTrue(found, tool + " is not installed (Debian package " + debianPackage + "): test skipped");
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs the command in the module's folder; its output, or an assertion error with it when it fails. */
    private static String run(List<String> command, Map<String, String> environment) throws IOException {
        Result result = exec(command, environment);
        assertThat(result.exitCode()).as("exit code of %s, output:%n%s", command, result.output()).isZero();
        return result.output();
    }

    /** Runs the command in the module's folder, without ALERTMANAGER_WEBHOOK_URL unless given. */
    private static Result exec(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("ALERTMANAGER_WEBHOOK_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
        return new Result(process.exitValue(), output);
    }
}
