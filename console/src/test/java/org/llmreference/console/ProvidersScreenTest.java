package org.llmreference.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.console.StubService.Request;

import tools.jackson.databind.JsonNode;

/** The providers screen: list, add and edit, with the API's refusals next to their fields. */
class ProvidersScreenTest extends ConsoleTestBase {

    private static final String SCREEN = "/console/providers";

    @BeforeEach
    void freshProviders() {
        ScreenStandIns.INSTANCE.reset();
    }

    @Test
    void addsAProviderWithEveryFieldAndTheReason() {
        Browser browser = signedIn("edith");
        assertThat(browser.get(SCREEN).body()).contains("OpenRouter").contains("https://openrouter.ai").contains("1 providers");

        HttpResponse<String> added = browser.submit(SCREEN, SCREEN,
                Map.of("id", "groq", "name", "Groq <fast>", "url", "https://groq.com", "reason", "new provider"));

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).hasValue("/console/providers?saved");
        Request put = SERVICES.pricing.requests("PUT", "/api/providers/groq").get(0);
        JsonNode body = FakeServices.JSON.readTree(put.body());
        assertThat(body.path("name").asString()).isEqualTo("Groq <fast>");
        assertThat(body.path("url").asString()).isEqualTo("https://groq.com");
        assertThat(put.header("If-Match")).isNull();
        assertThat(put.header("X-Llmref-Reason")).isEqualTo("new%20provider");
        String list = browser.get("/console/providers?saved").body();
        assertThat(list).contains("Saved.").contains("Groq &lt;fast&gt;").doesNotContain("Groq <fast>").contains("2 providers");
    }

    @Test
    void theApisFieldProblemsAreShownNextToTheirFieldsAndNothingIsStored() {
        Browser browser = signedIn("edith");

        HttpResponse<String> refused = browser.submit(SCREEN, SCREEN, Map.of("id", "groq", "name", "", "url", "ftp://groq.com"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("id=\"f-url\"[^>]*>\\s*<p class=\"field-error\" id=\"f-url-error\">must be an absolute http or https URL</p>")
                .containsPattern("id=\"f-name\"[^>]*>\\s*<p class=\"field-error\" id=\"f-name-error\">is required</p>")
                .contains("value=\"ftp://groq.com\"");
        assertThat(ScreenStandIns.INSTANCE.providers).doesNotContainKey("groq");
    }

    @Test
    void addingAProviderWhoseIdExistsIsRefusedNextToTheIdWithoutOverwritingIt() {
        Browser browser = signedIn("edith");

        HttpResponse<String> refused = browser.submit(SCREEN, SCREEN, Map.of("id", "openrouter", "name", "Impostor", "url", ""));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).containsPattern("id=\"f-id\"[^>]*>\\s*<p class=\"field-error\" id=\"f-id-error\">a provider with this id exists");
        assertThat(SERVICES.pricing.requests("PUT", "/api/providers")).isEmpty();
    }

    @Test
    void anEditSendsIfMatchAndAStaleRevisionIsShownAsAConflict() {
        Browser browser = signedIn("edith");
        String editor = browser.get(SCREEN + "/openrouter").body();
        assertThat(editor).contains("value=\"OpenRouter\"").contains("name=\"revision\" value=\"1\"");
        Map<String, String> form = new LinkedHashMap<>(Map.of("revision", "1", "name", "OpenRouter Inc.", "url", "https://openrouter.ai"));

        HttpResponse<String> saved = browser.submit(SCREEN + "/openrouter", SCREEN + "/openrouter", form);
        HttpResponse<String> stale = browser.submit(SCREEN + "/providers", SCREEN + "/openrouter", form);

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(SERVICES.pricing.requests("PUT", "/api/providers/openrouter").get(0).header("If-Match")).isEqualTo("\"1\"");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone changed this provider since you opened it")
                .contains("name=\"revision\" value=\"2\"");
        assertThat(ScreenStandIns.INSTANCE.providers.get("openrouter").path("revision").asLong()).isEqualTo(2);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsForbidden() {
        Browser browser = signedIn("edith");

        HttpResponse<String> answer = browser.post(SCREEN, Map.of("id", "groq", "name", "Groq"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("This form is no longer valid");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(SERVICES.pricing.requests("PUT", "/api/providers")).isEmpty();
    }
}
