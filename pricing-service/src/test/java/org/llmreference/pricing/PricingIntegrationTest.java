package org.llmreference.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.pricing.models.KnownModels;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.TopicProbe;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the pricing integration tests share: the running service on the shared Kafka and MongoDB,
 * its API as an editor, models made known, and the events of one model read back from
 * {@code pricing.routes.v1}.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class PricingIntegrationTest {

    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Autowired
    protected Environment environment;

    @Autowired
    protected KnownModels knownModels;

    protected Api api() {
        return Api.onPort(environment.getProperty("local.server.port"));
    }

    /** A fresh id, so tests never see each other's data. */
    protected static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** Makes the model known the way the catalog listener would (the projection, without Kafka). */
    protected String knownModel(String id) {
        knownModels.learn(Models.aModel(id), 1);
        return id;
    }

    protected void retire(String id, long revision) {
        knownModels.learn(Models.withStatus(Models.aModel(id), ModelStatus.RETIRED), revision);
    }

    protected String provider(String id, String name) {
        HttpResponse<String> put = api().put("/api/providers/" + id, "{\"name\":\"" + name + "\"}").as(TestTokens.EDITOR)
                .send();
        assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
        return id;
    }

    protected HttpResponse<String> putRoute(String modelId, String providerId, String json) {
        return api().put(routePath(modelId, providerId), json).as(TestTokens.EDITOR).send();
    }

    protected static String routePath(String modelId, String providerId) {
        return "/api/models/" + modelId + "/routes/" + providerId;
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElse(null);
    }

    protected static String inSeconds(long seconds) {
        return Instant.now().plusSeconds(seconds).toString();
    }

    /** The events of one model read so far, in the order they reached the topic. */
    protected static final class ModelEvents implements AutoCloseable {

        private final TopicProbe probe;
        private final String modelId;
        /** By partition and offset: a record delivered twice counts twice. */
        private final Map<String, Envelope<PricingEvent>> byId = new LinkedHashMap<>();
        private final Map<String, org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> records = new LinkedHashMap<>();

        public ModelEvents(TestInfrastructure infrastructure, String modelId) {
            this(infrastructure.kafkaBootstrapServers(), modelId);
        }

        public ModelEvents(String bootstrapServers, String modelId) {
            this.probe = new TopicProbe(bootstrapServers, Topics.PRICING_ROUTES);
            this.modelId = modelId;
        }

        /** Waits for the event of this revision; answers every event of the model seen until then. */
        public List<Envelope<PricingEvent>> awaitRevision(long revision) {
            probe.awaitRecord(record -> {
                if (!modelId.equals(TopicProbe.key(record))) {
                    return false;
                }
                Envelope<PricingEvent> event = EventCodec.decode(record.value(), PricingEvent.class);
                String offset = record.partition() + "@" + record.offset();
                byId.putIfAbsent(offset, event);
                records.putIfAbsent(event.eventId().toString(), record);
                return event.revision() == revision;
            }, WAIT);
            return new ArrayList<>(byId.values());
        }

        public Envelope<PricingEvent> revision(long revision) {
            return awaitRevision(revision).stream().filter(e -> e.revision() == revision).findFirst().orElseThrow();
        }

        public org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record(Envelope<PricingEvent> event) {
            return records.get(event.eventId().toString());
        }

        @Override
        public void close() {
            probe.close();
        }
    }

    protected static void awaitTrue(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(WAIT).until(condition);
    }
}
