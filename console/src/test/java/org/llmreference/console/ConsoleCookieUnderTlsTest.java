package org.llmreference.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a TLS-terminating proxy that the console trusts ({@code LLMREF_FORWARD_HEADERS=native}), the
 * session cookie is marked Secure as well as HttpOnly and SameSite.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class ConsoleCookieUnderTlsTest extends ConsoleTestBase {

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSiteWhenTheProxySaysHttps() throws Exception {
        HttpResponse<String> overTls = signInScreen("https");
        HttpResponse<String> plain = signInScreen(null);

        assertThat(cookie(overTls)).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(cookie(plain)).doesNotContain("Secure");
    }

    private HttpResponse<String> signInScreen(String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/sign-in"));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LLMREF_CONSOLE="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers().map()));
    }
}
