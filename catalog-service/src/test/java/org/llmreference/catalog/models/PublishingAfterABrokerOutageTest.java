package org.llmreference.catalog.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.catalog.models.ModelJson.aModel;
import static org.llmreference.catalog.models.ModelJson.write;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.platform.outbox.PendingEvent;
import org.llmreference.testsupport.OutageBroker;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Edits accepted while Kafka is down are not lost: their events wait in the model documents and
 * reach the topic once Kafka is back, each exactly once, in revision order, keyed by model id.
 * Uses a broker of its own, stopped and restarted on the same port and data folder.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "llmref.platform.outbox-retry-delay=200ms")
@DirtiesContext
class PublishingAfterABrokerOutageTest {

    static final OutageBroker broker = OutageBroker.start("llmref-catalog-outage");

    @DynamicPropertySource
    static void privateBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> broker.bootstrapServers());
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoDatabase database;

    @Test
    void publishesEveryEditAcceptedWhileKafkaWasDownOnceInRevisionOrder() {
        Api api = Api.onPort(port);
        String stamp = System.currentTimeMillis() + "";
        String warmUp = "outage-warm-up-" + stamp;
        List<String> ids = List.of("outage-a-" + stamp, "outage-b-" + stamp);
        assertThat(api.put("/api/models/" + warmUp, write(aModel(warmUp))).as(TestTokens.EDITOR).send().statusCode()).isEqualTo(201);
        try (CatalogTopic topic = new CatalogTopic(broker.bootstrapServers())) {
            topic.awaitRevision(warmUp, 1);
        }
        broker.stop();

        for (String id : ids) {
            assertThat(api.put("/api/models/" + id, write(aModel(id))).as(TestTokens.EDITOR).send().statusCode()).isEqualTo(201);
            for (int revision = 2; revision <= 4; revision++) {
                HttpResponse<String> edit = api.patch("/api/models/" + id, "{\"contextWindow\": " + (200_000 + revision) + "}")
                        .as(TestTokens.EDITOR).send();
                assertThat(edit.statusCode()).isEqualTo(200);
                assertThat(edit.headers().firstValue("ETag")).hasValue("\"" + revision + "\"");
            }
        }
        assertThat(ids).allSatisfy(id -> assertThat(pending(id)).hasSize(4));

        broker.restart();
        try (CatalogTopic topic = new CatalogTopic(broker.bootstrapServers())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> pending(id).isEmpty()));
            // One more edit each, published after everything before it: all records before it are on the topic.
            for (String id : ids) {
                api.patch("/api/models/" + id, "{\"vendor\": \"After the outage\"}").as(TestTokens.EDITOR).send();
            }
            for (String id : ids) {
                List<Envelope<CatalogEvent>> events = topic.awaitRevision(id, 5);
                assertThat(CatalogTopic.revisions(events)).as("each revision once, in order").containsExactly(1L, 2L, 3L, 4L, 5L);
                assertThat(events).allSatisfy(event -> assertThat(event.aggregateId()).isEqualTo(id));
                assertThat(topic.recordsFor(id).stream().map(r -> r.partition()).distinct()).as("one partition per key").hasSize(1);
            }
        }
    }

    private List<Document> pending(String id) {
        return database.getCollection("models").find(Filters.eq("_id", id)).first()
                .getList(PendingEvent.FIELD, Document.class, List.of());
    }

}
