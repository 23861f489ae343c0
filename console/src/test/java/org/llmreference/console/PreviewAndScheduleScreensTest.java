package org.llmreference.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * What the browser flows on a running stack showed: problems the preview finds are shown next to their
 * field (comparison-service names them by their path in the proposal, {@code route.inputPricePerMTok}),
 * the preview labels what changes as the form does and heads its tables, and a scheduled change keeps
 * the route's other terms.
 */
class PreviewAndScheduleScreensTest extends ConsoleTestBase {

    private static final String EDITOR = "/console/models/gpt-oss-20b";
    private static final String ROUTES = "/console/models/gpt-oss-20b/routes";

    @Test
    void aPriceThePreviewRefusesIsShownInItsCellAndDescribesItsInput() {
        Browser browser = signedIn("edith");
        Map<String, String> row = EditingScreensTest.rowFields(browser.get(ROUTES).body(), "route-openrouter");
        row.put("inputPricePerMTok", "-1");

        HttpResponse<String> refused = browser.submit(ROUTES, ROUTES + "/openrouter", row);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("id=\"route-openrouter-inputPricePerMTok\"[^>]*value=\"-1\"[^>]*"
                + "aria-invalid=\"true\" aria-describedby=\"route-openrouter-inputPricePerMTok-error\">\\s*"
                + "<p class=\"field-error\" id=\"route-openrouter-inputPricePerMTok-error\">must not be negative</p>");
        assertThat(refused.body()).doesNotContain("route.inputPricePerMTok").doesNotContain("Confirm and publish");
        assertThat(SERVICES.pricing.requests("PUT", "/api")).isEmpty();
    }

    @Test
    void aModelFieldThePreviewRefusesIsShownNextToThatField() {
        Browser browser = signedIn("edith");
        Map<String, String> form = EditingScreensTest.formFields(browser.get(EDITOR).body());
        form.put("contextWindow", "lots");

        HttpResponse<String> refused = browser.submit(EDITOR, EDITOR, form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("id=\"f-contextWindow\" name=\"contextWindow\" value=\"lots\"[^>]*"
                + "aria-describedby=\"f-contextWindow-error\">\\s*<p class=\"field-error\" id=\"f-contextWindow-error\">"
                + "must be a whole number</p>");
        assertThat(refused.body()).doesNotContain("model.contextWindow");
        assertThat(SERVICES.catalog.requests("PATCH", "/api")).isEmpty();
    }

    @Test
    void thePreviewLabelsTheChangedFieldsAsTheFormDoesAndHeadsItsTablesWithTheModels() {
        Browser browser = signedIn("edith");
        Map<String, String> form = EditingScreensTest.formFields(browser.get(EDITOR).body());
        form.put("contextWindow", "262144");

        String preview = browser.submit(EDITOR, EDITOR, form).body();

        assertThat(preview).contains("Changes Context window of gpt-oss-20b.").doesNotContain("contextWindow of");
        assertThat(preview).contains("<thead><tr><th scope=\"col\">Field</th><th scope=\"col\">Now</th>"
                + "<th scope=\"col\">After this change</th></tr></thead>");
        assertThat(preview).contains("<tr><th scope=\"row\">Context window</th><td>131072</td><td>262144</td></tr>");
        assertThat(preview).contains("<thead><tr><th scope=\"col\">Signal</th><th scope=\"col\">gpt-oss-20b</th>"
                + "<th scope=\"col\">qwen3.5-4b</th></tr></thead>");
        assertThat(preview).containsPattern("Monthly cost: gpt-oss-20b <span class=\"cost-a\">\\$12.00</span>, "
                + "qwen3.5-4b <span class=\"cost-b\">\\$9.00</span>");
    }

    @Test
    void thePagesThatChangeAreCountedAndListedBeforeThoseThatStayAsTheyAre() {
        var services = SERVICES.comparison.answer;
        SERVICES.comparison.answer = request -> request.path().equals("/api/previews")
                ? StubService.Reply.json(200, "{\"pages\":[" + page("a-vs-b", false) + "," + page("a-vs-c", true) + "]}")
                : services.apply(request);
        try {
            Browser browser = signedIn("edith");
            Map<String, String> form = EditingScreensTest.formFields(browser.get(EDITOR).body());
            form.put("contextWindow", "262144");

            String preview = browser.submit(EDITOR, EDITOR, form).body();

            assertThat(preview).contains("2 pages are affected; 1 of them change, the others stay as they are (listed last).");
            assertThat(preview.indexOf("data-pair=\"a-vs-c\"")).isPositive().isLessThan(preview.indexOf("data-pair=\"a-vs-b\""));
        } finally {
            SERVICES.comparison.answer = services;
        }
    }

    private static String page(String pair, boolean changed) {
        String side = "{\"verdict\":\"v\",\"scorecard\":[],\"monthlyCostA\":\"1.00\",\"monthlyCostB\":\"2.00\"}";
        return "{\"pairId\":\"" + pair + "\",\"title\":\"" + pair + "\",\"before\":" + side + ",\"after\":" + side
                + ",\"changed\":" + changed + "}";
    }

    @Test
    void aRoutePreviewListsEachChangedTermWithItsLabel() {
        Browser browser = signedIn("edith");
        Map<String, String> row = EditingScreensTest.rowFields(browser.get(ROUTES).body(), "route-openrouter");
        row.put("inputPricePerMTok", "0.04");

        String preview = browser.submit(ROUTES, ROUTES + "/openrouter", row).body();

        assertThat(preview).contains("<tr><th scope=\"row\">Input $/1M</th><td>0.05</td><td>0.04</td></tr>")
                .doesNotContain("<th scope=\"row\">Output $/1M</th>").doesNotContain("inputPricePerMTok</th>");
    }

    @Test
    void aScheduledPriceChangeKeepsTheRoutesOtherTermsAndTakesTheGivenPrices() {
        Browser browser = signedIn("edith");

        HttpResponse<String> scheduled = browser.submit(ROUTES, "/console/models/gpt-oss-20b/scheduled",
                Map.of("providerId", "openrouter", "effectiveOn", "2030-02-01", "inputPricePerMTok", "0.03"));

        assertThat(scheduled.statusCode()).isEqualTo(303);
        JsonNode body = FakeServices.JSON.readTree(
                SERVICES.pricing.requests("PUT", "/api/models/gpt-oss-20b/routes/openrouter").get(0).body());
        assertThat(body.path("effectiveFrom").asString()).isEqualTo("2030-02-01T00:00:00Z");
        assertThat(body.path("inputPricePerMTok").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(body.path("outputPricePerMTok").decimalValue()).as("a price left empty keeps its value")
                .isEqualByComparingTo("0.2");
        assertThat(body.path("status").asString()).isEqualTo("active");
        assertThat(body.path("sourceUrl").asString()).isEqualTo("https://openrouter.ai/openai/gpt-oss-20b");
        assertThat(body.path("contextTiers").get(0).path("aboveTokens").asLong()).isEqualTo(128000);
    }

    @Test
    void schedulingAndCancellingSayWhatHappensToThePricesInForce() {
        Browser browser = signedIn("edith");

        HttpResponse<String> scheduled = browser.submit(ROUTES, "/console/models/gpt-oss-20b/scheduled",
                Map.of("providerId", "openrouter", "effectiveOn", "2030-02-01", "inputPricePerMTok", "0.03"));
        HttpResponse<String> cancelled = browser.submit(ROUTES,
                ROUTES + "/openrouter/scheduled/6f1c1b1e-1111-4a4a-9b9b-000000000001/cancel", Map.of());

        assertThat(scheduled.headers().firstValue("Location")).hasValue(ROUTES + "?scheduled");
        assertThat(browser.get(ROUTES + "?scheduled").body()).contains("Scheduled. The prices in force stay until that date")
                .doesNotContain("Saved.");
        assertThat(cancelled.headers().firstValue("Location")).hasValue(ROUTES + "?cancelled");
        assertThat(browser.get(ROUTES + "?cancelled").body()).contains("Cancelled. The scheduled change will not apply")
                .doesNotContain("Saved.");
    }

    @Test
    void aConflictShowsWhatOnlyTheOtherEditorChangedAsTheyLeftItAndReappliesOnlyTheEditorsOwnChange() {
        Browser browser = signedIn("edith");
        Map<String, String> form = EditingScreensTest.formFields(browser.get(EDITOR).body());
        form.put("contextWindow", "262144");
        // someone else changes the vendor meanwhile
        SERVICES.model.put("vendor", "OpenAI Inc.");
        SERVICES.modelRevision.incrementAndGet();

        String conflict = browser.submit(EDITOR, EDITOR, form).body();

        assertThat(conflict).contains("id=\"f-vendor\" name=\"vendor\" value=\"OpenAI Inc.\"")
                .contains("name=\"was.vendor\" value=\"OpenAI Inc.\"")
                .contains("id=\"f-contextWindow\" name=\"contextWindow\" value=\"262144\"")
                .contains("name=\"was.contextWindow\" value=\"131072\"");
        Map<String, String> reapply = EditingScreensTest.formFields(conflict);
        String preview = browser.submit(EDITOR, EDITOR, reapply).body();
        assertThat(preview).contains("Changes Context window of gpt-oss-20b.").doesNotContain("<th scope=\"row\">Vendor</th>");
    }

    @Test
    void aScheduleWithABadDateDescribesTheDateInput() {
        Browser browser = signedIn("edith");

        String refused = browser.submit(ROUTES, "/console/models/gpt-oss-20b/scheduled",
                Map.of("providerId", "openrouter", "effectiveOn", "soon", "inputPricePerMTok", "0.03")).body();

        assertThat(refused).containsPattern("id=\"schedule-effective\"[^>]*aria-invalid=\"true\" "
                + "aria-describedby=\"schedule-effective-error\">\\s*<p class=\"field-error\" id=\"schedule-effective-error\">");
    }
}
