package org.llmreference.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.llmreference.console.StubService.Reply;

/**
 * The audit screen joins each change with the pages it reached (page-service's
 * {@code /api/audit/pages}, by causedBy) and links them to the public site; without page-service
 * the trail still shows, with a note.
 */
class AuditScreenTest extends ConsoleTestBase {

    @Test
    void eachChangeListsThePagesItReachedLinkedToThePublicSite() {
        Browser browser = signedIn("edith");

        String trail = browser.get("/console/audit").body();

        assertThat(SERVICES.pages.requests("GET", "/api/audit/pages").get(0).path()).isEqualTo("/api/audit/pages?causedBy=e2,e1");
        String priceCut = trail.substring(trail.indexOf("price cut"), trail.indexOf("vendor &lt;docs&gt;"));
        assertThat(priceCut).contains("<a href=\"https://llmreference.example/compare/gpt-oss-20b-vs-qwen3.5-4b\">"
                + "/compare/gpt-oss-20b-vs-qwen3.5-4b</a> <span class=\"revision\">rev 4</span>");
        assertThat(priceCut).contains("/compare/gpt-oss-20b-vs-o3-mini</a> <span class=\"revision\">rev 9, content unchanged");
        String vendorChange = trail.substring(trail.indexOf("vendor &lt;docs&gt;"));
        assertThat(vendorChange).contains("(none yet)").doesNotContain("javascript:");
        assertThat(priceCut).contains("<details open>").contains("<summary>2 pages</summary>");
    }

    @Test
    void withoutPageServiceTheTrailStillShowsWithANote() {
        SERVICES.pages.answer = request -> Reply.json(503, "{\"detail\":\"page-service is starting.\"}");

        String trail = signedIn("edith").get("/console/audit").body();

        assertThat(trail).contains("price cut").contains("vendor &lt;docs&gt;")
                .contains("Which pages each change reached is not available");
    }
}
