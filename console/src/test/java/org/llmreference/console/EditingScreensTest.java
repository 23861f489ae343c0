package org.llmreference.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmreference.console.StubService.Request;

import tools.jackson.databind.JsonNode;

/** The editor's flows as plain forms: what the screens show, and what reaches the services' APIs. */
class EditingScreensTest extends ConsoleTestBase {

    private static final String EDITOR = "/console/models/gpt-oss-20b";
    private static final String ROUTES = "/console/models/gpt-oss-20b/routes";

    @Test
    void theModelsListSearchesByIdNameOrVendor() {
        Browser browser = signedIn("edith");

        String all = browser.get("/console/models").body();
        String found = browser.get("/console/models?q=alibaba").body();

        assertThat(all).contains("gpt-oss-20b").contains("qwen3.5-4b").contains("2 of 2 models");
        assertThat(found).contains("qwen3.5-4b").doesNotContain("href=\"/console/models/gpt-oss-20b\"");
    }

    @Test
    void aModelChangeIsPreviewedThenSentAsAMergePatchWithIfMatchAndTheReason() {
        Browser browser = signedIn("edith");
        Map<String, String> form = editorForm(browser);
        form.put("contextWindow", "262144");
        form.put("reason", "vendor docs, 2× context");

        HttpResponse<String> preview = browser.submit(EDITOR, EDITOR, form);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("gpt-oss-20b vs Qwen3.5 4B").contains("Qwen3.5 4B is cheaper")
                .contains("gpt-oss-20b is cheaper").contains("$12.00").contains("$6.00").contains("Confirm and publish");
        assertThat(SERVICES.catalog.requests("PATCH", "/api/models")).isEmpty();
        JsonNode proposed = FakeServices.JSON.readTree(SERVICES.comparison.requests("POST", "/api/previews").get(0).body());
        assertThat(proposed.path("model").path("contextWindow").asInt()).isEqualTo(262144);
        assertThat(proposed.path("model").path("vendor").asString()).isEqualTo("OpenAI");

        Map<String, String> confirm = hiddenFields(preview.body());
        confirm.put("action", "publish");
        HttpResponse<String> published = browser.post(EDITOR, confirm);

        assertThat(published.statusCode()).isEqualTo(303);
        List<Request> patches = SERVICES.catalog.requests("PATCH", "/api/models/gpt-oss-20b");
        assertThat(patches).hasSize(1);
        assertThat(patches.get(0).header("Content-Type")).isEqualTo("application/merge-patch+json");
        assertThat(patches.get(0).header("If-Match")).isEqualTo("\"3\"");
        assertThat(patches.get(0).header("X-Llmref-Reason")).isEqualTo("vendor%20docs%2C%202%C3%97%20context");
        assertThat(FakeServices.JSON.readTree(patches.get(0).body()).toString()).isEqualTo("{\"contextWindow\":262144}");
        assertThat(browser.get(EDITOR + "?saved").body()).contains("value=\"262144\"").contains("Saved.");
    }

    @Test
    void aStaleEditShowsTheCurrentValuesAndReappliesTheEditorsChange() {
        Browser browser = signedIn("edith");
        Map<String, String> form = editorForm(browser);
        form.put("contextWindow", "262144");
        // Someone else changes the vendor meanwhile.
        SERVICES.model.put("vendor", "OpenAI Inc.");
        SERVICES.modelRevision.incrementAndGet();

        HttpResponse<String> conflict = browser.submit(EDITOR, EDITOR, form);

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("Someone changed this model").contains("Current value: <strong>OpenAI Inc.</strong>")
                .contains("value=\"262144\"").contains("Reapply my change");
        Map<String, String> reapply = formFields(conflict.body());
        reapply.put("action", "publish");
        HttpResponse<String> published = browser.post(EDITOR, reapply);

        assertThat(published.statusCode()).isEqualTo(303);
        Request patch = SERVICES.catalog.requests("PATCH", "/api/models/gpt-oss-20b").get(0);
        assertThat(patch.header("If-Match")).isEqualTo("\"4\"");
        assertThat(patch.body()).isEqualTo("{\"contextWindow\":262144}");
        assertThat(SERVICES.model.path("vendor").asString()).isEqualTo("OpenAI Inc.");
    }

    @Test
    void badInputIsShownNextToItsFieldAndNothingIsStored() {
        Browser browser = signedIn("edith");
        Map<String, String> form = editorForm(browser);
        form.put("contextWindow", "lots");
        form.put("action", "publish");

        HttpResponse<String> refused = browser.submit(EDITOR, EDITOR, form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern(
                "id=\"f-contextWindow\" name=\"contextWindow\" value=\"lots\"[^>]*>\\s*<p class=\"field-error\" id=\"f-contextWindow-error\">must be a whole number</p>");
        assertThat(SERVICES.model.path("contextWindow").asInt()).isEqualTo(131072);
    }

    @Test
    void retiringAModelWithASuccessorSendsStatusDateAndSuccessor() {
        Browser browser = signedIn("edith");
        Map<String, String> form = editorForm(browser);
        form.put("status", "retired");
        form.put("retiresOn", "2026-12-31");
        form.put("successorId", "gpt-oss-120b");
        form.put("action", "publish");

        assertThat(browser.submit(EDITOR, EDITOR, form).statusCode()).isEqualTo(303);

        JsonNode patch = FakeServices.JSON.readTree(SERVICES.catalog.requests("PATCH", "/api/models/gpt-oss-20b").get(0).body());
        assertThat(patch.toString()).isEqualTo("{\"status\":\"retired\",\"retiresOn\":\"2026-12-31\",\"successorId\":\"gpt-oss-120b\"}");
    }

    @Test
    void aPriceChangeIsPreviewedThenPutKeepingTheContextTiers() {
        Browser browser = signedIn("edith");
        String table = browser.get(ROUTES).body();
        assertThat(table).contains("OpenRouter").contains("value=\"0.05\"").contains("2030-01-01T00:00:00Z");
        Map<String, String> row = rowFields(table, "route-openrouter");
        row.put("inputPricePerMTok", "0.04");
        row.put("reason", "price cut");

        HttpResponse<String> preview = browser.submit(ROUTES, ROUTES + "/openrouter", row);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("1 page is affected").contains("$6.00");
        JsonNode proposal = FakeServices.JSON.readTree(SERVICES.comparison.requests("POST", "/api/previews").get(0).body());
        assertThat(proposal.path("route").path("modelId").asString()).isEqualTo("gpt-oss-20b");
        assertThat(proposal.path("route").path("providerName").asString()).isEqualTo("OpenRouter");
        assertThat(proposal.path("route").path("inputPricePerMTok").decimalValue()).isEqualByComparingTo("0.04");

        Map<String, String> confirm = hiddenFields(preview.body());
        confirm.put("action", "publish");
        assertThat(browser.post(ROUTES + "/openrouter", confirm).statusCode()).isEqualTo(303);

        Request put = SERVICES.pricing.requests("PUT", "/api/models/gpt-oss-20b/routes/openrouter").get(0);
        JsonNode body = FakeServices.JSON.readTree(put.body());
        assertThat(put.header("If-Match")).isEqualTo("\"7\"");
        assertThat(put.header("X-Llmref-Reason")).isEqualTo("price%20cut");
        assertThat(body.path("inputPricePerMTok").decimalValue()).isEqualByComparingTo("0.04");
        assertThat(body.path("outputPricePerMTok").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(body.path("sourceUrl").asString()).isEqualTo("https://openrouter.ai/openai/gpt-oss-20b");
        assertThat(body.path("contextTiers").get(0).path("aboveTokens").asLong()).isEqualTo(128000);
    }

    @Test
    void aNegativePriceIsShownInItsCell() {
        Browser browser = signedIn("edith");
        Map<String, String> row = rowFields(browser.get(ROUTES).body(), "route-openrouter");
        row.put("inputPricePerMTok", "-1");
        row.put("action", "publish");

        HttpResponse<String> refused = browser.submit(ROUTES, ROUTES + "/openrouter", row);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("value=\"-1\"[^>]*aria-describedby=\"route-openrouter-inputPricePerMTok-error\">"
                + "\\s*<p class=\"field-error\" id=\"route-openrouter-inputPricePerMTok-error\">must not be negative</p>");
    }

    @Test
    void aPriceChangeIsScheduledForADateAndCancelled() {
        Browser browser = signedIn("edith");

        HttpResponse<String> scheduled = browser.submit(ROUTES, "/console/models/gpt-oss-20b/scheduled",
                Map.of("providerId", "openrouter", "effectiveOn", "2030-02-01", "inputPricePerMTok", "0.03",
                        "outputPricePerMTok", "0.1"));
        HttpResponse<String> cancelled = browser.submit(ROUTES,
                ROUTES + "/openrouter/scheduled/6f1c1b1e-1111-4a4a-9b9b-000000000001/cancel", Map.of());

        assertThat(scheduled.statusCode()).isEqualTo(303);
        JsonNode body = FakeServices.JSON.readTree(
                SERVICES.pricing.requests("PUT", "/api/models/gpt-oss-20b/routes/openrouter").get(0).body());
        assertThat(body.path("effectiveFrom").asString()).isEqualTo("2030-02-01T00:00:00Z");
        assertThat(body.path("inputPricePerMTok").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(SERVICES.pricing.requests("DELETE", "/api/models/gpt-oss-20b/routes/openrouter/scheduled/6f1c1b1e-1111-4a4a-9b9b-000000000001"))
                .hasSize(1);
    }

    @Test
    void aScheduleWithoutADateIsShownNextToTheDate() {
        Browser browser = signedIn("edith");

        HttpResponse<String> refused = browser.submit(ROUTES, "/console/models/gpt-oss-20b/scheduled",
                Map.of("providerId", "openrouter", "effectiveOn", "soon", "inputPricePerMTok", "0.03"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"schedule-effective-error\">a date as YYYY-MM-DD");
        assertThat(SERVICES.pricing.requests("PUT", "/api")).isEmpty();
    }

    @Test
    void theAuditTrailMergesCatalogAndPricingNewestFirstWithFiltersPassedOn() {
        Browser browser = signedIn("edith");

        String trail = browser.get("/console/audit?editor=edith&model=gpt-oss-20b").body();

        assertThat(trail.indexOf("price cut")).isPositive().isLessThan(trail.indexOf("vendor &lt;docs&gt;"));
        assertThat(trail).contains("contextWindow: 131072 → 262144");
        assertThat(SERVICES.catalog.requests("GET", "/api/audit").get(0).path()).contains("editor=edith").contains("model=gpt-oss-20b");
    }

    @Test
    void htmxIsServedFromTheWebjar() {
        HttpResponse<String> script = browser().get("/console/webjars/htmx.org/2.0.4/dist/htmx.min.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("htmx");
    }

    /** The model editor's form fields as the screen filled them in. */
    private static Map<String, String> editorForm(Browser browser) {
        return formFields(browser.get(EDITOR).body());
    }

    private static final java.util.regex.Pattern INPUT = java.util.regex.Pattern.compile(
            "<input[^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"");
    private static final java.util.regex.Pattern SELECT = java.util.regex.Pattern.compile(
            "<select[^>]*?name=\"([^\"]+)\"[^>]*>(.*?)</select>", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern SELECTED = java.util.regex.Pattern.compile(
            "<option value=\"([^\"]*)\" selected");

    static Map<String, String> formFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        var inputs = INPUT.matcher(html);
        while (inputs.find()) {
            fields.putIfAbsent(inputs.group(1), unescape(inputs.group(2)));
        }
        var selects = SELECT.matcher(html);
        while (selects.find()) {
            var selected = SELECTED.matcher(selects.group(2));
            fields.putIfAbsent(selects.group(1), selected.find() ? selected.group(1) : "");
        }
        return fields;
    }

    /** The hidden fields of the preview's confirm form, its CSRF token among them. */
    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        var hidden = java.util.regex.Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(
                html.substring(html.indexOf("class=\"confirm\"")));
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        return fields;
    }

    /** The fields of one table row's form (inputs tied to it by their form attribute, and its own hidden ones). */
    static Map<String, String> rowFields(String html, String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        var inputs = java.util.regex.Pattern.compile("<input id=\"" + form + "-[^\"]+\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(html);
        while (inputs.find()) {
            fields.put(inputs.group(1), unescape(inputs.group(2)));
        }
        var selects = java.util.regex.Pattern.compile("<select id=\"" + form + "-[^\"]+\" name=\"([^\"]+)\"[^>]*>(.*?)</select>",
                java.util.regex.Pattern.DOTALL).matcher(html);
        while (selects.find()) {
            var selected = SELECTED.matcher(selects.group(2));
            fields.put(selects.group(1), selected.find() ? selected.group(1) : "");
        }
        var revision = java.util.regex.Pattern.compile("<form id=\"" + form + "\"[^>]*>\\s*<input[^>]*>\\s*<input type=\"hidden\" name=\"revision\" value=\"([^\"]*)\"").matcher(html);
        if (revision.find()) {
            fields.put("revision", revision.group(1));
        }
        return fields;
    }

    private static String unescape(String value) {
        return value.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
