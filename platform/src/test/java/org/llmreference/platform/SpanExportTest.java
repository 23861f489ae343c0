package org.llmreference.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.platform.messaging.EventConsumption;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

/**
 * With span export on, the span of a handled event reaches the Zipkin collector with its
 * {@code causedBy} tag. The collector is a stand-in that keeps what is posted to it.
 */
@WithInfrastructure
@SpringBootTest(classes = RelayTestApplication.class)
class SpanExportTest {

    static final List<String> received = new CopyOnWriteArrayList<>();
    static final HttpServer collector = collector();

    /** What {@code LLMREF_ZIPKIN_ENDPOINT} turns into ({@code PlatformDefaultsTest}); the port is known only now. */
    @DynamicPropertySource
    static void exportToTheCollector(DynamicPropertyRegistry registry) {
        registry.add("management.tracing.export.zipkin.enabled", () -> "true");
        registry.add("management.tracing.export.zipkin.endpoint",
                () -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/api/v2/spans");
    }

    @AfterAll
    static void stopCollector() {
        collector.stop(0);
    }

    @Autowired
    EventConsumption consumption;

    @Test
    void theSpanOfAHandledEventReachesZipkinTaggedWithItsCausedBy() {
        String id = "span-" + System.nanoTime();
        Envelope<ModelChanged> edit = Envelope.startingChain(new ModelChanged(Models.aModel(id), List.of("name")), id, 1,
                Instant.now());

        consumption.of(Topics.CATALOG_MODELS, CatalogEvent.class, event -> Outcome.APPLIED)
                .accept(MessageBuilder.withPayload(EventCodec.encode(edit)).build());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(String.join("\n", received))
                .contains("\"causedBy\":\"" + edit.causedBy() + "\"")
                .contains("\"aggregateId\":\"" + id + "\"")
                .contains("\"topic\":\"" + Topics.CATALOG_MODELS + "\""));
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v2/spans", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    received.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stand-in Zipkin collector", e);
        }
    }
}
