package org.llmreference.page.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.imports.ImportProgressed;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The front page's banner follows {@code catalog.imports.v1}: there while a load runs, gone once it finished. */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShowingTheCatalogLoadTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Value("${local.server.port}")
    int port;

    @Test
    void theFrontPageTellsHowFarALoadGotAndIsNeverKeptWithTheBannerAfterwards(TestInfrastructure infrastructure)
            throws Exception {
        String run = "run-" + System.nanoTime();
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(Envelope.startingChain(new ImportProgressed(run, "test", 1177, 500, started, started, null), run,
                    2, started));
            await().atMost(WAIT).until(() -> front().body().contains("Loading the catalog: 500 of 1,177 models"));
            HttpResponse<String> loading = front();
            assertThat(loading.body()).contains("<progress max=\"1177\" value=\"500\"");
            assertThat(loading.headers().firstValue("Cache-Control")).hasValue("no-cache");
            String etagWhileLoading = loading.headers().firstValue("ETag").orElseThrow();

            Instant finished = started.plusSeconds(30);
            sender.send(Envelope.startingChain(new ImportProgressed(run, "test", 1177, 1177, started, finished, finished),
                    run, 3, finished));
            await().atMost(WAIT).until(() -> !front().body().contains("Loading the catalog"));
            HttpResponse<String> done = front();
            assertThat(done.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
            assertThat(done.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etagWhileLoading);
        }
    }

    private HttpResponse<String> front() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
