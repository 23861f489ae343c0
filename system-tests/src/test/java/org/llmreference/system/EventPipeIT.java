package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.Deadlines;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

/**
 * The pipe end to end, with real processes: a model created through catalog-service's editor API
 * is stored with its pending event, leaves through catalog-service's outbox relay, crosses Kafka,
 * and lands in pricing-service's own database. Nothing but Kafka connects the two.
 */
@WithInfrastructure
class EventPipeIT {

    static final String TOKEN = "pipe-it-editor-token";

    @Test
    void aModelCreatedInCatalogReachesPricingsDatabaseThroughKafka(TestInfrastructure infrastructure) throws Exception {
        Map<String, String> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "MONGODB_URI", infrastructure.mongoUri(),
                "LLMREF_EDITOR_TOKEN", TOKEN,
                "LLMREF_PLATFORM_OUTBOXSWEEPINTERVAL", "500ms");
        String id = "pipe-" + System.nanoTime();

        try (ServiceProcess catalog = ServiceProcess.start("catalog-service", environment);
                ServiceProcess pricing = ServiceProcess.start("pricing-service", environment);
                MongoClient mongo = MongoClients.create(infrastructure.mongoUri())) {
            catalog.awaitReady(Deadlines.SERVICE_READY);
            pricing.awaitReady(Deadlines.SERVICE_READY);

            HttpResponse<String> created = Api.onPort(catalog.port()).put("/api/models/" + id,
                    "{\"name\":\"" + id + "\",\"vendor\":\"OpenAI\",\"contextWindow\":131072}").as(TOKEN).send();
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            await().atMost(Duration.ofMinutes(3)).until(() ->
                    mongo.getDatabase("pricing").getCollection("knownModels").find(Filters.eq("_id", id)).first() != null);
            Document known = mongo.getDatabase("pricing").getCollection("knownModels").find(Filters.eq("_id", id)).first();
            assertThat(known.get("revision", Number.class).longValue()).isEqualTo(1);
            assertThat(known.getString("name")).isEqualTo(id);
            await().atMost(Duration.ofMinutes(3)).until(() -> mongo.getDatabase("catalog").getCollection("models")
                    .find(Filters.eq("_id", id)).first().getList("outbox", Document.class).isEmpty());

            assertThat(catalog.stop()).as("catalog-service exit code after SIGTERM").isIn(0, 143);
            assertThat(pricing.stop()).as("pricing-service exit code after SIGTERM").isIn(0, 143);
        }
    }
}
