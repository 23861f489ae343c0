package org.llmreference.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The curated pairs screen: list, curate with model suggestions, withdraw, with the API's refusals shown. */
class CuratedPairsScreenTest extends ConsoleTestBase {

    private static final String SCREEN = "/console/pairs";

    @BeforeEach
    void freshPairs() {
        ScreenStandIns.INSTANCE.reset();
    }

    @Test
    void listsTheCuratedPairsAndSuggestsTheCatalogsModels() {
        String screen = signedIn("edith").get(SCREEN).body();

        assertThat(screen).contains("data-pair=\"gpt-oss-20b-vs-qwen3.5-4b\"").contains("1 curated pairs")
                .contains("href=\"/compare/gpt-oss-20b-vs-qwen3.5-4b\"")
                .contains("list=\"model-ids\"").contains("<option value=\"gpt-oss-20b\"></option>")
                .contains("<option value=\"qwen3.5-4b\"></option>");
        assertThat(SERVICES.comparison.requests("GET", "/api/pairs?curated=true")).isNotEmpty();
    }

    @Test
    void curatesAPairOfTwoModels() {
        ScreenStandIns.INSTANCE.curated.clear();
        Browser browser = signedIn("edith");

        HttpResponse<String> curated = browser.submit(SCREEN, SCREEN, Map.of("modelA", "qwen3.5-4b", "modelB", "gpt-oss-20b"));

        assertThat(curated.statusCode()).isEqualTo(303);
        assertThat(SERVICES.comparison.requests("PUT", "/api/pairs/qwen3.5-4b-vs-gpt-oss-20b")).hasSize(1);
        assertThat(browser.get("/console/pairs?curated").body()).contains("Curated.")
                .contains("data-pair=\"gpt-oss-20b-vs-qwen3.5-4b\"");
    }

    @Test
    void anUnknownModelIsShownNextToItsField() {
        Browser browser = signedIn("edith");

        HttpResponse<String> refused = browser.submit(SCREEN, SCREEN, Map.of("modelA", "gpt-oss-20b", "modelB", "no-such-model"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).containsPattern("id=\"pair-modelB\"[^>]*>\\s*<p class=\"field-error\" id=\"pair-modelB-error\">"
                + "No model 'no-such-model' is in the catalog; add it there first.</p>")
                .doesNotContain("id=\"pair-modelA-error\"").contains("value=\"no-such-model\"");
    }

    @Test
    void anEmptyModelFieldIsRequiredAndNothingIsSent() {
        HttpResponse<String> refused = signedIn("edith").submit(SCREEN, SCREEN, Map.of("modelA", "gpt-oss-20b", "modelB", " "));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"pair-modelB-error\">is required</p>");
        assertThat(SERVICES.comparison.requests("PUT", "/api/pairs")).isEmpty();
    }

    @Test
    void withdrawsACurationAndShowsTheRefusalForOneThatIsNotCurated() {
        Browser browser = signedIn("edith");
        String path = SCREEN + "/gpt-oss-20b-vs-qwen3.5-4b/withdraw";

        HttpResponse<String> withdrawn = browser.submit(SCREEN, path, Map.of());
        HttpResponse<String> again = browser.submit(SCREEN, path, Map.of());

        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(SERVICES.comparison.requests("DELETE", "/api/pairs/gpt-oss-20b-vs-qwen3.5-4b")).hasSize(2);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("No curated pair 'gpt-oss-20b-vs-qwen3.5-4b' exists.").contains("0 curated pairs");
    }

    @Test
    void curatingWithoutTheCsrfTokenIsForbidden() {
        HttpResponse<String> answer = signedIn("edith").post(SCREEN, Map.of("modelA", "a", "modelB", "b"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(SERVICES.comparison.requests("PUT", "/api/pairs")).isEmpty();
    }
}
