package org.llmreference.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.console.StubService.Request;

import tools.jackson.databind.JsonNode;

/** The accounts screen: admins only; create and change accounts, with the API's refusals next to their fields. */
class AccountsScreenTest extends ConsoleTestBase {

    private static final String SCREEN = "/console/accounts";

    @BeforeEach
    void freshAccounts() {
        ScreenStandIns.INSTANCE.reset();
    }

    @Test
    void anAdminListsAccountsAndCreatesOneWithRoles() {
        Browser browser = signedIn("ada");
        assertThat(browser.get(SCREEN).body()).contains("data-account=\"ada\"").contains("Edith &lt;Editor&gt;")
                .doesNotContain("Edith <Editor>");

        HttpResponse<String> created = browser.post(SCREEN, Map.of("_csrf", Browser.csrf(browser.get(SCREEN).body()),
                "id", "bob", "displayName", "Bob", "password", "a-long-passphrase", "roles", "ops"));

        assertThat(created.statusCode()).isEqualTo(303);
        Request post = SERVICES.catalog.requests("POST", "/api/accounts").get(0);
        JsonNode body = FakeServices.JSON.readTree(post.body());
        assertThat(body.path("id").asString()).isEqualTo("bob");
        assertThat(body.path("password").asString()).isEqualTo("a-long-passphrase");
        assertThat(body.path("roles").toString()).isEqualTo("[\"ops\"]");
        assertThat(browser.get("/console/accounts?saved").body()).contains("data-account=\"bob\"").doesNotContain("a-long-passphrase");
    }

    @Test
    void aShortPasswordIsShownNextToThePasswordAndIsNotEchoed() {
        Browser browser = signedIn("ada");

        HttpResponse<String> refused = browser.submit(SCREEN, SCREEN,
                Map.of("id", "bob", "displayName", "Bob", "password", "short", "roles", "editor"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("id=\"account-password\"[^>]*>\\s*<p class=\"field-error\" id=\"account-password-error\">"
                + "must be at least 10 characters").contains("value=\"bob\"").doesNotContain("value=\"short\"");
        assertThat(ScreenStandIns.INSTANCE.accounts).doesNotContainKey("bob");
    }

    @Test
    void changesDisplayNameRolesAndDisablesAnAccount() {
        Browser browser = signedIn("ada");
        assertThat(browser.get(SCREEN + "/edith").body()).contains("value=\"Edith &lt;Editor")
                .containsPattern("value=\"editor\" checked");

        HttpResponse<String> saved = browser.submit(SCREEN + "/edith", SCREEN + "/edith",
                Map.of("displayName", "Edith E.", "roles", "ops", "disabled", "true", "password", ""));

        assertThat(saved.statusCode()).isEqualTo(303);
        Request patch = SERVICES.catalog.requests("PATCH", "/api/accounts/edith").get(0);
        assertThat(patch.header("Content-Type")).isEqualTo("application/merge-patch+json");
        JsonNode body = FakeServices.JSON.readTree(patch.body());
        assertThat(body.path("displayName").asString()).isEqualTo("Edith E.");
        assertThat(body.path("roles").toString()).isEqualTo("[\"ops\"]");
        assertThat(body.path("disabled").asBoolean()).isTrue();
        assertThat(body.has("password")).as("an empty password field leaves the password as it is").isFalse();
        assertThat(browser.get(SCREEN).body()).contains("Edith E.").contains("disabled");
    }

    @Test
    void theApisRefusalToTakeAdminFromTheLastAdminIsShownNextToTheRoles() {
        Browser browser = signedIn("ada");

        HttpResponse<String> refused = browser.submit(SCREEN + "/ada", SCREEN + "/ada",
                Map.of("displayName", "Ada Admin", "roles", "editor", "password", ""));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("This is your own account.").contains("<p class=\"field-error\" id=\"roles-error\">"
                + "'ada' is the last enabled admin: make another account admin first.</p>");
        assertThat(ScreenStandIns.INSTANCE.accounts.get("ada").path("roles").toString()).contains("admin");
    }

    @Test
    void anEditorWhoIsNotAdminGetsA403ScreenAndNoAccountsLink() {
        Browser editor = signedIn("edith");

        HttpResponse<String> denied = editor.get(SCREEN);
        HttpResponse<String> escalate = editor.submit("/console/models", SCREEN + "/edith",
                Map.of("displayName", "Edith", "roles", "admin"));

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("accounts are managed by admins").contains("Not allowed");
        assertThat(escalate.statusCode()).isEqualTo(403);
        assertThat(SERVICES.catalog.requests("PATCH", "/api/accounts")).isEmpty();
        assertThat(editor.get("/console/models").body()).doesNotContain("href=\"/console/accounts\"");
        assertThat(signedIn("ada").get("/console/models").body()).contains("href=\"/console/accounts\"");
    }

    @Test
    void anAdminsFormWithoutTheCsrfTokenIsForbiddenAndNothingReachesTheCatalog() {
        Browser admin = signedIn("ada");

        HttpResponse<String> created = admin.post(SCREEN, Map.of("id", "mallory", "displayName", "M", "password",
                "a-long-passphrase", "roles", "admin"));
        HttpResponse<String> patched = admin.post(SCREEN + "/edith", Map.of("displayName", "Edith", "roles", "admin"));

        assertThat(created.statusCode()).isEqualTo(403);
        assertThat(patched.statusCode()).isEqualTo(403);
        assertThat(created.body()).contains("This form is no longer valid");
        assertThat(SERVICES.catalog.requests("POST", "/api/accounts")).isEmpty();
        assertThat(SERVICES.catalog.requests("PATCH", "/api/accounts")).isEmpty();
    }
}
