package org.llmreference.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.console.StubService.Request;

import tools.jackson.databind.JsonNode;

/** Import a bundle: upload, the preview's counts, apply with progress, and what a bad upload gets. */
class ImportScreenTest extends ConsoleTestBase {

    private static final String SCREEN = "/console/import";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * Against the stand-ins' state: gpt-oss-20b changes (a larger context window), qwen3.5-4b is as stored,
     * new-model is added; openrouter is as stored, groq is new; the openrouter route of gpt-oss-20b is as
     * stored, the other two are new; one curated pair exists, one is new.
     */
    static final String BUNDLE = """
            {"source": "hand-made <test> bundle",
             "providers": [{"id": "openrouter", "name": "OpenRouter", "url": "https://openrouter.ai"},
                           {"id": "groq", "name": "Groq"}],
             "models": [{"id": "gpt-oss-20b", "name": "gpt-oss-20b", "vendor": "OpenAI", "contextWindow": 262144,
                         "openWeights": true, "status": "active", "capabilities": {"reasoning": true},
                         "decisionTags": ["cheap", "open"]},
                        {"id": "qwen3.5-4b", "name": "Qwen3.5 4B", "vendor": "Alibaba", "status": "active"},
                        {"id": "new-model", "name": "New", "status": "active"}],
             "routes": [{"modelId": "gpt-oss-20b", "providerId": "openrouter", "inputPricePerMTok": 0.050,
                         "outputPricePerMTok": 0.2, "contextTiers": [{"aboveTokens": 128000, "inputPricePerMTok": 0.1,
                         "outputPricePerMTok": 0.4}], "sourceUrl": "https://openrouter.ai/openai/gpt-oss-20b"},
                        {"modelId": "gpt-oss-20b", "providerId": "groq", "inputPricePerMTok": 0.1, "outputPricePerMTok": 0.5},
                        {"modelId": "new-model", "providerId": "openrouter", "inputPricePerMTok": 1, "outputPricePerMTok": 2}],
             "pairs": ["gpt-oss-20b-vs-qwen3.5-4b", "qwen3.5-4b-vs-new-model"]}
            """;

    @BeforeEach
    void freshStandIns() {
        ScreenStandIns.INSTANCE.reset();
    }

    @Test
    void previewsTheCountsThenAppliesTheBundleWithProgressAndTheServicesReports() {
        Browser browser = signedIn("edith");

        HttpResponse<String> uploaded = upload(browser, "bundle.json.gz", gzip(BUNDLE), csrf(browser));

        assertThat(uploaded.statusCode()).isEqualTo(303);
        String status = uploaded.headers().firstValue("Location").orElseThrow();
        String preview = await().atMost(WAIT).until(() -> browser.get(status).body(), body -> body.contains("id=\"apply\""));
        assertThat(preview).contains("Source: hand-made &lt;test&gt; bundle").doesNotContain("http-equiv=\"refresh\"")
                .contains("<tr data-kind=\"models\"><th scope=\"row\">models</th><td>3</td><td class=\"added\">1</td>"
                        + "<td class=\"changed\">1</td><td class=\"unchanged\">1</td></tr>")
                .contains("<tr data-kind=\"providers\"><th scope=\"row\">providers</th><td>2</td><td class=\"added\">1</td>"
                        + "<td class=\"changed\">0</td><td class=\"unchanged\">1</td></tr>")
                .contains("<tr data-kind=\"routes\"><th scope=\"row\">routes</th><td>3</td><td class=\"added\">2</td>"
                        + "<td class=\"changed\">0</td><td class=\"unchanged\">1</td></tr>")
                .contains("<tr data-kind=\"curated pairs\"><th scope=\"row\">curated pairs</th><td>2</td><td class=\"added\">1</td>"
                        + "<td class=\"changed\">0</td><td class=\"unchanged\">1</td></tr>");
        assertThat(SERVICES.catalog.requests("POST", "/api/import")).as("nothing is sent before apply").isEmpty();
        assertThat(SERVICES.pricing.requests("POST", "/api/import")).isEmpty();

        HttpResponse<String> applied = browser.submit(status, status + "/apply", java.util.Map.of());

        assertThat(applied.statusCode()).isEqualTo(303);
        String done = await().atMost(WAIT).until(() -> browser.get(status).body(), body -> body.contains("Done: what the services did"));
        assertThat(done).contains("3 of 3 models processed by catalog-service.")
                .contains("<tr data-target=\"models\"><th scope=\"row\">models</th><td>3</td><td>1</td><td>1</td><td>1</td><td>0</td></tr>")
                .contains("<tr data-target=\"routes\"><th scope=\"row\">routes</th><td>3</td><td>2</td><td>0</td><td>0</td><td>1</td></tr>")
                .contains("<tr data-target=\"curated pairs\"><th scope=\"row\">curated pairs</th><td>2</td><td>1</td><td>0</td><td>1</td><td>0</td></tr>")
                .contains("&lt;b&gt;no&lt;/b&gt; such model").doesNotContain("<b>no</b>");
        Request run = SERVICES.catalog.requests("POST", "/api/imports").get(0);
        assertThat(FakeServices.JSON.readTree(run.body()).path("expected").asInt()).isEqualTo(3);
        JsonNode models = FakeServices.JSON.readTree(SERVICES.catalog.requests("POST", "/api/import?importId=run-1").get(0).body());
        assertThat(models.path("models").size()).isEqualTo(3);
        assertThat(SERVICES.catalog.requests("POST", "/api/import?importId=run-1").get(0).header("Authorization"))
                .startsWith("Bearer token-edith-");
        JsonNode routes = FakeServices.JSON.readTree(SERVICES.pricing.requests("POST", "/api/import?waitForModelsSeconds=60").get(0).body());
        assertThat(routes.path("providers").size()).isEqualTo(2);
        assertThat(routes.path("routes").size()).isEqualTo(3);
        assertThat(SERVICES.comparison.requests("PUT", "/api/pairs/")).hasSize(2);
    }

    @Test
    void aFileThatIsNotABundleIsShownNextToTheFileFieldAndNothingIsSent() {
        Browser browser = signedIn("edith");

        HttpResponse<String> refused = upload(browser, "notes.txt", "just text".getBytes(StandardCharsets.UTF_8), csrf(browser));
        HttpResponse<String> wrongShape = upload(browser, "b.json", "{\"models\": [{\"name\": \"no id\"}]}".getBytes(StandardCharsets.UTF_8),
                csrf(browser));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("id=\"bundle\"[^>]*>\\s*<p class=\"field-error\" id=\"bundle-error\">the file is not JSON");
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(wrongShape.body()).contains("id=\"bundle-error\">models[0] has no id</p>");
        assertThat(SERVICES.catalog.requests("POST", "/api/import")).isEmpty();
    }

    @Test
    void aFileOverSixteenMegabytesIsRefusedAsTooLarge() {
        Browser browser = signedIn("edith");
        byte[] large = new byte[16 * 1024 * 1024 + 512 * 1024];
        java.util.Arrays.fill(large, (byte) ' ');

        byte[] huge = new byte[41 * 1024 * 1024];

        HttpResponse<String> refused = upload(browser, "large.json", large, csrf(browser));
        HttpResponse<String> notRead = upload(browser, "huge.json", huge, csrf(browser));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).containsPattern("id=\"bundle\"[^>]*>\\s*<p class=\"field-error\" id=\"bundle-error\">"
                + "The file is larger than 16 MB");
        assertThat(notRead.statusCode()).as("past what Tomcat reads at all").isEqualTo(413);
        assertThat(notRead.body()).contains("The file is larger than 16 MB");
        assertThat(SERVICES.catalog.requests("GET", "/api/models?")).isEmpty();
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsForbidden() {
        Browser browser = signedIn("edith");

        HttpResponse<String> refused = upload(browser, "bundle.json", BUNDLE.getBytes(StandardCharsets.UTF_8), null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(SERVICES.catalog.requests("GET", "/api/models?")).isEmpty();
    }

    @Test
    void anotherEditorCannotSeeOrApplySomeonesImport() {
        Browser edith = signedIn("edith");
        String status = upload(edith, "bundle.json", BUNDLE.getBytes(StandardCharsets.UTF_8), csrf(edith))
                .headers().firstValue("Location").orElseThrow();
        Browser ada = signedIn("ada");

        assertThat(ada.get(status).statusCode()).isEqualTo(404);
        assertThat(ada.submit("/console/models", status + "/apply", java.util.Map.of()).statusCode()).isEqualTo(409);
        assertThat(SERVICES.catalog.requests("POST", "/api/imports")).isEmpty();
    }

    private static String csrf(Browser browser) {
        return Browser.csrf(browser.get(SCREEN).body());
    }

    /** What a browser sends for the upload form: multipart/form-data with the CSRF field (when given) and the file. */
    private HttpResponse<String> upload(Browser browser, String fileName, byte[] content, String csrf) {
        String boundary = "----console-test-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (csrf != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + SCREEN))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            return HttpClient.newBuilder().cookieHandler(browser.cookies).followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
