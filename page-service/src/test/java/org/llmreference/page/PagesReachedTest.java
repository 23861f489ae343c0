package org.llmreference.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/audit/pages?causedBy=}: the pages one edit reached, which the console's audit
 * trail shows next to each change; for ops, editors and admins only.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PagesReachedTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Test
    void listsThePagesAnEditReachedWithTheirPathsAndRevisions(TestInfrastructure infrastructure) {
        String tag = DemoComparisons.uniqueTag();
        Side a = DemoComparisons.side("gpt-oss-20b", tag);
        Comparison first = DemoComparisons.compare(a, DemoComparisons.side("gpt-oss-120b", tag));
        Comparison second = DemoComparisons.compare(a, DemoComparisons.side("o3-mini", tag));
        Envelope<ComparisonChanged> one = Envelope.of(new ComparisonChanged(first, "sha256:a" + tag, List.of()),
                first.pairId(), 1, Instant.now(), "edit-" + tag);
        Envelope<ComparisonChanged> two = Envelope.of(new ComparisonChanged(second, "sha256:b" + tag, List.of()),
                second.pairId(), 1, Instant.now(), "edit-" + tag);
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(one);
            sender.send(two);
        }

        await().atMost(WAIT).until(() -> pages("edit-" + tag).size() == 2);

        List<JsonNode> pages = pages("edit-" + tag);
        assertThat(pages).extracting(page -> page.path("path").asString())
                .containsExactlyInAnyOrder("/compare/" + first.pairId(), "/compare/" + second.pairId());
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.path("revision").asLong()).isEqualTo(1);
            assertThat(page.path("live").asBoolean()).isTrue();
            assertThat(page.path("changed").asBoolean()).isTrue();
        });
        assertThat(pages("edit-nobody-made-" + tag)).isEmpty();
        assertThat(pages("edit-nobody-made-" + tag + ",edit-" + tag)).extracting(page -> page.path("causedBy").asString())
                .containsOnly("edit-" + tag).hasSize(2);
    }

    @Test
    void isForOpsEditorsAndAdminsAndNeedsCausedBy() {
        assertThat(api().get("/api/audit/pages?causedBy=x").send().statusCode()).isEqualTo(401);
        assertThat(api().get("/api/audit/pages?causedBy=x").as(TestTokens.EDITOR).send().statusCode()).isEqualTo(200);
        HttpResponse<String> missing = api().get("/api/audit/pages").as(TestTokens.OPS).send();
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).path("errors").get(0).path("field").asString()).isEqualTo("causedBy");
    }

    private List<JsonNode> pages(String causedBy) {
        HttpResponse<String> response = api().get("/api/audit/pages?causedBy=" + causedBy).as(TestTokens.OPS).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("pages").valueStream().toList();
    }

    private Api api() {
        return Api.onPort(port);
    }
}
