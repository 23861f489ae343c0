package org.llmreference.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Who gets in, and what a forged or stale request gets: never an editor's action. */
class ConsoleSecurityTest extends ConsoleTestBase {

    @Test
    void anAnonymousVisitorIsSentToSignIn() {
        HttpResponse<String> answer = browser().get("/console/models");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/sign-in"));
        assertThat(SERVICES.catalog.requests).isEmpty();
    }

    @Test
    void signInScreenCarriesTheSitesContentSecurityPolicyAndSecurityHeaders() {
        HttpResponse<String> answer = browser().get("/console/sign-in");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(answer.body()).contains("name=\"_csrf\"");
    }

    @Test
    void signingInKeepsTheTokenOnTheServerAndSetsAnHttpOnlySameSiteCookie() {
        Browser browser = browser();
        HttpResponse<String> answer = browser.signIn("edith", "right-password");

        assertThat(answer.statusCode()).isEqualTo(302);
        String cookie = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LLMREF_CONSOLE="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(cookie).doesNotContain("token-edith");
        HttpResponse<String> models = browser.get("/console/models");
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.body()).contains("gpt-oss-20b").contains("Edith &lt;Editor&gt;").doesNotContain("token-edith");
        assertThat(SERVICES.catalog.requests("GET", "/api/models?").get(0).header("Authorization")).startsWith("Bearer token-edith-");
    }

    @Test
    void aWrongPasswordIsRefusedWithOneMessageForUnknownUsersAndWrongPasswords() {
        Browser browser = browser();
        HttpResponse<String> wrongPassword = browser.signIn("edith", "wrong");
        HttpResponse<String> shown = browser.get(wrongPassword.headers().firstValue("Location").map(URI::create).orElseThrow().getRawPath() + "?error");
        Browser other = browser();
        HttpResponse<String> unknownUser = other.signIn("nobody", "right-password");
        HttpResponse<String> shownToOther = other.get("/console/sign-in?error");

        assertThat(wrongPassword.statusCode()).isEqualTo(302);
        assertThat(unknownUser.statusCode()).isEqualTo(302);
        assertThat(shown.statusCode()).isEqualTo(401);
        assertThat(shown.body()).contains("Wrong username or password.");
        assertThat(shownToOther.body()).contains("Wrong username or password.");
        assertThat(browser.get("/console/models").statusCode()).isEqualTo(302);
    }

    @Test
    void aThrottledSignInSaysWhenToTryAgain() {
        Browser browser = browser();
        browser.signIn("locked", "anything");

        HttpResponse<String> shown = browser.get("/console/sign-in?error");

        assertThat(shown.body()).contains("Too many attempts; try again in 2 minutes.");
        assertThat(browser.get("/console/models").statusCode()).isEqualTo(302);
    }

    @Test
    void signInWithoutACsrfTokenIsForbidden() {
        HttpResponse<String> answer = browser().post("/console/sign-in", Map.of("username", "edith", "password", "right-password"));

        assertThat(answer.statusCode()).as(answer.headers().map().toString()).isEqualTo(403);
        assertThat(SERVICES.catalog.requests("POST", "/api/sessions")).isEmpty();
    }

    @Test
    void anEditWithoutACsrfTokenIsForbiddenAndNeverReachesTheCatalog() {
        Browser browser = signedIn("edith");

        HttpResponse<String> answer = browser.post("/console/models/gpt-oss-20b", editForm("262144", "publish"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(SERVICES.catalog.requests("PATCH", "/api/models")).isEmpty();
    }

    @Test
    void anEditWithAWrongCsrfTokenIsForbidden() {
        Browser browser = signedIn("edith");
        Map<String, String> form = new java.util.HashMap<>(editForm("262144", "publish"));
        form.put("_csrf", "forged-token");

        HttpResponse<String> answer = browser.post("/console/models/gpt-oss-20b", form);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(SERVICES.catalog.requests("PATCH", "/api/models")).isEmpty();
    }

    @Test
    void anotherBrowsersCsrfTokenIsNotAccepted() {
        Browser edith = signedIn("edith");
        Browser ada = signedIn("ada");
        Map<String, String> form = new java.util.HashMap<>(editForm("262144", "publish"));
        form.put("_csrf", Browser.csrf(ada.get("/console/models/gpt-oss-20b").body()));

        assertThat(edith.post("/console/models/gpt-oss-20b", form).statusCode()).isEqualTo(403);
        assertThat(SERVICES.catalog.requests("PATCH", "/api/models")).isEmpty();
    }

    @Test
    void signingOutRevokesTheTokenAndTheOldCookieNoLongerWorks() {
        Browser browser = signedIn("edith");
        List<HttpCookie> before = List.copyOf(browser.cookies.getCookieStore().getCookies());
        String token = SERVICES.liveTokens.keySet().stream().filter(t -> t.startsWith("token-edith")).findFirst().orElseThrow();

        HttpResponse<String> out = browser.submit("/console/models", "/console/sign-out", Map.of());

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/console/sign-in?signed-out"));
        assertThat(SERVICES.revoked).contains(token);
        Browser thief = browser();
        before.forEach(cookie -> thief.cookies.getCookieStore().add(URI.create("http://localhost:" + port), cookie));
        HttpResponse<String> replayed = thief.get("/console/models");
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/console/sign-in"));
    }

    @Test
    void anUnknownOrExpiredSessionCookieIsSentToSignIn() {
        Browser browser = browser();
        HttpCookie stale = new HttpCookie("LLMREF_CONSOLE", "0123456789ABCDEF0123456789ABCDEF");
        stale.setPath("/");
        browser.cookies.getCookieStore().add(URI.create("http://localhost:" + port), stale);

        HttpResponse<String> answer = browser.get("/console/models");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/console/sign-in?expired"));
    }

    @Test
    void aTokenTheServicesNoLongerAcceptEndsTheConsoleSession() {
        Browser browser = signedIn("edith");
        SERVICES.liveTokens.clear();

        HttpResponse<String> answer = browser.get("/console/models");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/console/sign-in?expired");
        assertThat(browser.get("/console/models/gpt-oss-20b").statusCode()).isEqualTo(302);
    }

    @Test
    void anEditorWhoIsNotAdminCannotOpenAccounts() {
        Browser browser = signedIn("edith");

        assertThat(browser.get("/console/accounts").statusCode()).isEqualTo(403);
        assertThat(browser.submit("/console/models", "/console/accounts", Map.of("id", "mallory", "roles", "admin"))
                .statusCode()).isEqualTo(403);
        assertThat(SERVICES.catalog.requests("POST", "/api/accounts")).isEmpty();
    }

    static Map<String, String> editForm(String contextWindow, String action) {
        return Map.of("revision", "3", "was.contextWindow", "131072", "contextWindow", contextWindow, "was.name",
                "gpt-oss-20b", "name", "gpt-oss-20b", "action", action);
    }
}
