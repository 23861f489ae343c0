package org.llmreference.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.page.DemoComparisons.changed;
import static org.llmreference.page.DemoComparisons.compare;
import static org.llmreference.page.DemoComparisons.side;
import static org.llmreference.page.DemoComparisons.uniqueTag;
import static org.llmreference.page.DemoComparisons.withdrawn;
import static org.llmreference.page.Visitor.text;
import static org.llmreference.testsupport.Fixtures.aModelLike;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

/**
 * A retired model keeps its page: once its comparisons are withdrawn, {@code /models/{id}} says it
 * was retired and links its successor, while a model that merely has no comparison stays a 404.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RetiredModelPageTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Environment environment;

    @Test
    void aRetiredModelsPageSaysSoAndLinksItsSuccessor(TestInfrastructure infrastructure) {
        String tag = uniqueTag();
        Side retiring = side("gpt-4.1-mini", tag);
        Side successor = side("gpt-oss-20b", tag);
        Side other = side("qwen3.5-4b", tag);
        Comparison withSuccessor = compare(retiring, successor);
        Comparison withOther = compare(retiring, other);
        Comparison remaining = compare(successor, other);
        ModelSnapshot retired = aModelLike(retiring.model()).retired(LocalDate.parse("2026-12-01"), successor.model().id())
                .build();
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            for (Comparison comparison : List.of(withSuccessor, withOther, remaining)) {
                sender.send(changed(comparison, 1, List.of()));
            }
            await().atMost(WAIT).until(() -> visitor().get("/models/" + retiring.model().id()).statusCode() == 200);

            sender.send(Envelope.of(new ModelChanged(retired, List.of("status", "retiresOn", "successorId")),
                    retired.id(), 2, Instant.now(), "retire-" + tag));
            sender.send(withdrawn(withSuccessor, 2, "a model of the pair was retired"));
            sender.send(withdrawn(withOther, 2, "a model of the pair was retired"));
        }

        String path = "/models/" + retiring.model().id();
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<byte[]> page = visitor().get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(text(page)).contains(retiring.model().name() + " was retired on 2026-12-01.")
                    .contains("href=\"/models/" + successor.model().id() + "\"")
                    .doesNotContain("/compare/" + withOther.pairId() + "\"");
        });
        assertThat(visitor().get("/models/no-such-model-" + tag).statusCode()).isEqualTo(404);
    }

    private Visitor visitor() {
        return new Visitor(environment.getProperty("local.server.port"));
    }
}
