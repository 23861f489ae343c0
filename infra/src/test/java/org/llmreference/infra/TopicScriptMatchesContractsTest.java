package org.llmreference.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.TopicSpec;
import org.llmreference.contracts.Topics;

/** docker-compose creates topics with kafka/create-topics.sh; it must create exactly Topics.ALL. */
class TopicScriptMatchesContractsTest {

    private static final Pattern CREATE = Pattern.compile("^create (\\S+) (\\d+) (compact|delete)$", Pattern.MULTILINE);

    @Test
    void createsExactlyTheTopicsOfTheContracts() throws IOException {
        String script = Files.readString(Path.of("kafka/create-topics.sh"));
        Matcher matcher = CREATE.matcher(script);
        List<TopicSpec> created = matcher.results()
                .map(m -> new TopicSpec(m.group(1), Integer.parseInt(m.group(2)), m.group(3).equals("compact")))
                .toList();

        assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }
}
