package org.llmreference.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.page.DemoComparisons.uniqueTag;
import static org.llmreference.page.Visitor.header;
import static org.llmreference.page.Visitor.text;
import static org.llmreference.testsupport.Fixtures.aModel;
import static org.llmreference.testsupport.Fixtures.aRoute;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.page.facts.FactsView;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

/**
 * Two models without a stored page, published only as catalog and pricing events: their pair is
 * computed on request from the facts view, follows a repricing, and alias URLs lead to it.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OnDemandPairsOverHttpTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String TAG = uniqueTag();
    static final String A = "alpha-" + TAG;
    static final String B = "beta-" + TAG;
    static final String ALIAS = "alpha-twin-" + TAG;
    static final String PAIR = A + "-vs-" + B;
    static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");
    static boolean published;

    @Autowired
    Environment environment;

    @Autowired
    FactsView facts;

    @BeforeEach
    void publishTwoModelsOnce(TestInfrastructure infrastructure) {
        if (published) {
            return;
        }
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(model(aModel(A).named("Alpha " + TAG).withContextWindow(131_072).build()
                    .withAliases(List.of(ALIAS)), 1));
            sender.send(model(aModel(B).named("Beta " + TAG).withContextWindow(32_768).build(), 1));
            sender.send(routes(A, 1, aRoute("openrouter").named("OpenRouter").priced("0.03", "0.14").build()));
            sender.send(routes(B, 1, aRoute("groq").named("Groq").priced("0.10", "0.50").build()));
        }
        await().atMost(WAIT).until(() -> facts.caughtUp() && facts.routes(B).size() == 1 && facts.routes(A).size() == 1);
        published = true;
    }

    @Test
    void aPairWithoutAStoredPageIsComputedOnRequestAndNotIndexed() {
        HttpResponse<byte[]> page = visitor().get("/compare/" + PAIR);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Security-Policy")).contains("default-src 'none'");
        assertThat(text(page)).contains("<meta name=\"robots\" content=\"noindex\">")
                .contains("Alpha " + TAG).contains("Beta " + TAG).contains("OpenRouter").contains("Groq");
        assertThat(visitor().text("/sitemap.xml")).doesNotContain(PAIR);
    }

    @Test
    void theOtherOrderAndAnAliasMovePermanentlyToTheCanonicalPair() {
        HttpResponse<byte[]> reversed = visitor().get("/compare/" + B + "-vs-" + A);
        HttpResponse<byte[]> alias = visitor().get("/compare/" + ALIAS + "-vs-" + B + "?requests=1000");
        HttpResponse<byte[]> model = visitor().get("/models/" + ALIAS);

        assertThat(reversed.statusCode()).isEqualTo(301);
        assertThat(header(reversed, "Location")).isEqualTo("/compare/" + PAIR);
        assertThat(alias.statusCode()).isEqualTo(301);
        assertThat(header(alias, "Location")).isEqualTo("/compare/" + PAIR + "?requests=1000");
        assertThat(model.statusCode()).isEqualTo(301);
        assertThat(header(model, "Location")).isEqualTo("/models/" + A);
    }

    @Test
    void theCalculatorWorksOnAnOnDemandPage() {
        HttpResponse<byte[]> page = visitor().get("/compare/" + PAIR + "?requests=2000&input=800&output=250");
        HttpResponse<byte[]> wrong = visitor().get("/compare/" + PAIR + "?requests=lots");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Cache-Control")).isEqualTo("private, no-store");
        assertThat(text(page)).contains("noindex").contains("2,000");
        assertThat(wrong.statusCode()).isEqualTo(400);
    }

    @Test
    void thePickerRedirectsToTheCanonicalPairOrGivesTheFormBackWithTheMessage() {
        HttpResponse<byte[]> picked = visitor().get("/compare?a=" + B + "&b=" + ALIAS);
        HttpResponse<byte[]> wrong = visitor().get("/compare?a=" + A + "&b=%3Cb%3Enope");

        assertThat(picked.statusCode()).isEqualTo(303);
        assertThat(header(picked, "Location")).isEqualTo("/compare/" + PAIR);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(text(wrong)).contains("id=\"picker-b-error\"").contains("No model is called “&lt;b&gt;nope”")
                .doesNotContain("<b>nope").contains("<option value=\"" + A + "\">");
    }

    @Test
    void everyPageCarriesThePicker() {
        assertThat(visitor().text("/compare/" + PAIR)).contains("<form class=\"picker\" action=\"/compare\"");
        assertThat(visitor().text("/")).contains("<form class=\"picker\" action=\"/compare\"");
    }

    @Test
    void anUnknownModelStillAnswersThe404Page() {
        HttpResponse<byte[]> missing = visitor().get("/compare/" + A + "-vs-zzz-unknown-" + TAG);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(text(missing)).doesNotContain("Exception");
    }

    @Test
    void aRepricedSideShowsItsNewPriceAtOnce() {
        assertThat(visitor().text("/compare/" + PAIR)).contains("OpenRouter");

        try (EventSender sender = new EventSender(infrastructureServers())) {
            sender.send(routes(A, 2, aRoute("deepinfra").named("DeepInfra " + TAG).priced("0.02", "0.10").build()));
        }

        await().atMost(WAIT).until(() -> visitor().text("/compare/" + PAIR).contains("DeepInfra " + TAG));
    }

    private String infrastructureServers() {
        return environment.getProperty("spring.cloud.stream.kafka.binder.brokers");
    }

    private static Envelope<ModelChanged> model(ModelSnapshot model, long revision) {
        return Envelope.of(new ModelChanged(model, List.of("name")), model.id(), revision, AT, "edit-" + model.id());
    }

    private static Envelope<RouteChanged> routes(String modelId, long revision, RouteSnapshot... routes) {
        return Envelope.of(new RouteChanged(modelId, routes[0].providerId(), List.of(routes), List.of("input")), modelId,
                revision, AT, "edit-" + modelId + "-" + revision);
    }

    private Visitor visitor() {
        return new Visitor(environment.getProperty("local.server.port"));
    }
}
