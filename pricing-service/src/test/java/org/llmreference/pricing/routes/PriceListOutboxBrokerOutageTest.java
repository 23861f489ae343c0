package org.llmreference.pricing.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.platform.outbox.PendingEvent;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.testsupport.OutageBroker;
import org.llmreference.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Price edits accepted while Kafka is down wait in their price list documents and reach
 * {@code pricing.routes.v1} once it is back: every revision exactly once per model, in revision
 * order, keyed by model id. Uses a broker of its own, stopped and restarted on the same port and
 * data folder.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "llmref.platform.outbox-retry-delay=200ms")
@DirtiesContext
class PriceListOutboxBrokerOutageTest extends PricingIntegrationTest {

    static final OutageBroker broker = OutageBroker.start("llmref-pricing-outage-broker");


    @DynamicPropertySource
    static void privateBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", broker::bootstrapServers);
    }

    @Autowired
    MongoDatabase database;

    @Test
    void publishesEveryRevisionAcceptedWhileKafkaWasDownExactlyOnceAndInOrder() {
        // The projection is fed from Kafka: learn the models directly, before the broker goes.
        String first = knownModel(unique("outage-a"));
        String second = knownModel(unique("outage-b"));
        String provider = provider(unique("outage"), "Outage");
        assertThat(putRoute(first, provider, price("0.10")).statusCode()).isEqualTo(201);
        assertThat(putRoute(second, provider, price("0.20")).statusCode()).isEqualTo(201);
        await().atMost(WAIT).until(() -> pending(first).isEmpty() && pending(second).isEmpty());
        broker.stop();

        for (int edit = 1; edit <= 3; edit++) {
            HttpResponse<String> a = putRoute(first, provider, price("0.1" + edit));
            HttpResponse<String> b = putRoute(second, provider, price("0.2" + edit));
            assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
            assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
        }
        // Nothing leaves a document before Kafka acknowledges it: the relay's producer holds the first
        // batch until the broker is back (it retries for outbox-delivery-timeout), the rest wait stored.
        assertThat(pending(first)).hasSize(3);
        assertThat(pending(second)).hasSize(3);

        broker.restart();

        for (String model : List.of(first, second)) {
            try (ModelEvents events = new ModelEvents(broker.bootstrapServers(), model)) {
                List<Envelope<PricingEvent>> all = events.awaitRevision(4);
                assertThat(all).extracting(Envelope::revision).containsExactly(1L, 2L, 3L, 4L);
                assertThat(all).allSatisfy(event -> {
                    assertThat(event.aggregateId()).isEqualTo(model);
                    assertThat(TopicProbe.key(events.record(event))).isEqualTo(model);
                });
                assertThat(all.get(3).payload().routes().get(0).terms().inputPricePerMTok())
                        .isEqualByComparingTo(model.equals(first) ? "0.13" : "0.23");
            }
        }
        await().atMost(WAIT).until(() -> pending(first).isEmpty() && pending(second).isEmpty());
    }

    static String price(String input) {
        return "{\"inputPricePerMTok\": " + input + ", \"outputPricePerMTok\": 0.5}";
    }

    private List<Document> pending(String modelId) {
        return database.getCollection("priceLists").find(Filters.eq("_id", modelId)).first()
                .getList(PendingEvent.FIELD, Document.class, List.of());
    }
}
