package org.llmreference.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.contracts.TopicSpec;
import org.llmreference.contracts.Topics;

/** docker-compose creates the topics with kafka/create-topics.sh; it must create exactly Topics.ALL. */
class TopicScriptMatchesContractsTest {

    private static final Path SCRIPT = Path.of("kafka/create-topics.sh");
    private static final Pattern CREATE_LINE = Pattern.compile("^create (\\S+) (\\d+) (compact|delete)$", Pattern.MULTILINE);

    @TempDir
    Path work;

    @Test
    void listsExactlyTheTopicsOfTheContracts() throws IOException {
        List<TopicSpec> listed = CREATE_LINE.matcher(Files.readString(SCRIPT)).results()
                .map(m -> new TopicSpec(m.group(1), Integer.parseInt(m.group(2)), m.group(3).equals("compact")))
                .toList();

        assertThat(listed).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    /** Runs the script with sh against a stand-in for kafka-topics.sh that records its arguments. */
    @Test
    void asksKafkaForExactlyTheTopicsOfTheContracts() throws Exception {
        Path calls = work.resolve("calls.txt");
        Path stub = work.resolve("kafka-topics.sh");
        Files.writeString(stub, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));

        ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("TOPICS_CMD", stub.toString());
        builder.environment().put("BOOTSTRAP", "broker:29092");
        Process run = builder.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();

        List<TopicSpec> created = new ArrayList<>();
        for (String call : Files.readAllLines(calls)) {
            List<String> words = Arrays.asList(call.split(" "));
            assertThat(words).containsSequence("--bootstrap-server", "broker:29092");
            if (words.contains("--create")) {
                assertThat(words).contains("--if-not-exists").containsSequence("--replication-factor", "1");
                created.add(new TopicSpec(after(words, "--topic"), Integer.parseInt(after(words, "--partitions")),
                        words.contains("cleanup.policy=compact")));
                assertThat(words).containsAnyOf("cleanup.policy=compact", "cleanup.policy=delete");
            }
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    private static String after(List<String> words, String option) {
        return words.get(words.indexOf(option) + 1);
    }
}
