package org.llmreference.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Further negative cases: session fixation, redirects to other sites after sign-in, headers on signed-in screens. */
class ConsoleSecurityMoreTest extends ConsoleTestBase {

    @Test
    void signingInIssuesANewSessionSoAFixedCookieNeverBecomesSignedIn() {
        Browser browser = browser();
        browser.get("/console/sign-in");
        String before = sessionCookie(browser);

        browser.signIn("edith", "right-password");

        String after = sessionCookie(browser);
        assertThat(after).isNotEqualTo(before);
        Browser attacker = browser();
        HttpCookie fixed = new HttpCookie("LLMREF_CONSOLE", before);
        fixed.setPath("/");
        attacker.cookies.getCookieStore().add(URI.create("http://localhost:" + port), fixed);
        assertThat(attacker.get("/console/models").statusCode()).isEqualTo(302);
        assertThat(browser.get("/console/models").statusCode()).isEqualTo(200);
    }

    @Test
    void aSignInNeverRedirectsToAnotherSite() {
        Browser browser = browser();
        browser.get("/console/sign-in?next=https://evil.example/&redirect=https://evil.example/");

        HttpResponse<String> answer = browser.submit("/console/sign-in", "/console/sign-in",
                Map.of("username", "edith", "password", "right-password", "next", "https://evil.example/",
                        "redirect", "//evil.example/", "continue", "https://evil.example/"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).doesNotContain("evil.example").endsWith("/console/models"));
    }

    @Test
    void aSignInAfterAskingForAScreenReturnsToThatScreenOnThisSiteOnly() {
        Browser browser = browser();
        browser.get("/console/models/gpt-oss-20b");

        HttpResponse<String> answer = browser.signIn("edith", "right-password");

        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(URI.create(l).getPath())
                .isEqualTo("/console/models/gpt-oss-20b"));
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(URI.create(l).getHost()).isIn(null, "localhost"));
    }

    @Test
    void signedInScreensCarryTheContentSecurityPolicyAndSecurityHeaders() {
        Browser browser = signedIn("edith");

        HttpResponse<String> answer = browser.get("/console/models/gpt-oss-20b");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    @Test
    void theOpsRoleReadsTheConsoleButCannotChangeAModel() {
        Browser olga = signedIn("olga");

        assertThat(olga.get("/console/models/gpt-oss-20b").statusCode()).isEqualTo(200);
        HttpResponse<String> edit = olga.submit("/console/models/gpt-oss-20b", "/console/models/gpt-oss-20b",
                ConsoleSecurityTest.editForm("262144", "publish"));

        assertThat(edit.statusCode()).isEqualTo(403);
        assertThat(SERVICES.catalog.requests("PATCH", "/api/models")).isEmpty();
        assertThat(olga.get("/console/accounts").statusCode()).isEqualTo(403);
        assertThat(olga.submit("/console/models", "/console/sign-out", Map.of()).statusCode()).isEqualTo(302);
    }

    private String sessionCookie(Browser browser) {
        return browser.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("LLMREF_CONSOLE"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }
}
