package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The pipe end to end, with real processes: a model change stored with its pending event in
 * catalog-service's database leaves through catalog-service's outbox relay, crosses Kafka, and lands
 * in pricing-service's own database. Nothing but Kafka connects the two.
 */
@WithInfrastructure
class EventPipeIT {

    @Test
    void aModelChangeStoredInCatalogReachesPricingsDatabaseThroughKafka(TestInfrastructure infrastructure) throws Exception {
        Map<String, String> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "MONGODB_URI", infrastructure.mongoUri(),
                "LLMREF_PLATFORM_OUTBOXSWEEPINTERVAL", "500ms");
        String id = "pipe-" + System.nanoTime();
        Envelope<ModelChanged> change = Envelope.startingChain(new ModelChanged(Models.aModel(id), List.of("name")), id, 1,
                Instant.now());

        try (ServiceProcess catalog = ServiceProcess.start("catalog-service", environment);
                ServiceProcess pricing = ServiceProcess.start("pricing-service", environment);
                MongoClient mongo = MongoClients.create(infrastructure.mongoUri())) {
            catalog.awaitReady(Duration.ofSeconds(120));
            pricing.awaitReady(Duration.ofSeconds(120));

            // What catalog-service's editor API stores for an accepted change: the model and its pending event, in one write.
            mongo.getDatabase("catalog").getCollection("models").updateOne(Filters.eq("_id", id),
                    Updates.combine(Updates.set("revision", 1L), Updates.push("outbox",
                            org.llmreference.platform.outbox.PendingEvent.of(change, Instant.now()).toDocument())),
                    new UpdateOptions().upsert(true));

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    mongo.getDatabase("pricing").getCollection("knownModels").find(Filters.eq("_id", id)).first() != null);
            Document known = mongo.getDatabase("pricing").getCollection("knownModels").find(Filters.eq("_id", id)).first();
            assertThat(known.get("revision", Number.class).longValue()).isEqualTo(1);
            assertThat(known.getString("name")).isEqualTo(id);
            await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getDatabase("catalog").getCollection("models")
                    .find(Filters.eq("_id", id)).first().getList("outbox", Document.class).isEmpty());

            assertThat(catalog.stop()).as("catalog-service exit code after SIGTERM").isIn(0, 143);
            assertThat(pricing.stop()).as("pricing-service exit code after SIGTERM").isIn(0, 143);
        }
    }
}
