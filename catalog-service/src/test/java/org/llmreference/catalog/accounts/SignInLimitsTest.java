package org.llmreference.catalog.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.catalog.accounts.AccountCalls.PASSWORD;
import static org.llmreference.catalog.accounts.AccountCalls.parse;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Sign-in throttling and session expiry, with the shipped limits except a short session. The
 * lock-out also covers the client address (every test calls from 127.0.0.1), so it runs last.
 */
@WithInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "llmref.catalog.accounts.admin-password=" + AccountCalls.ADMIN_PASSWORD,
        "llmref.catalog.accounts.session-lifetime=30s" })
class SignInLimitsTest {

    @Value("${local.server.port}")
    int port;

    Api api;
    AccountCalls calls;

    @BeforeEach
    void connect() {
        api = Api.onPort(port);
        calls = new AccountCalls(api);
    }

    @Test
    @Order(2)
    void aBruteForceSignInIsLockedOutWith429RetryAfterAndLogged(CapturedOutput output) {
        String id = calls.newAccount("\"editor\"");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(calls.signIn(id, "guess-number-" + attempt).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = calls.signIn(id, PASSWORD);

        assertThat(locked.statusCode()).as("even the right password is refused while locked out").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(14 * 60L, 15 * 60L));
        assertThat(parse(locked.body()).path("detail").asString()).contains("Too many failed sign-ins");
        assertThat(output.getAll()).contains("WARN").contains("locked out").contains("username='" + id + "'")
                .contains("address='127.0.0.1'").doesNotContain("guess-number-").doesNotContain(PASSWORD);
    }

    @Test
    @Order(1)
    void anExpiredSessionIsRefused() {
        String id = calls.newAccount("\"editor\"");
        String session = calls.sessionOf(id, PASSWORD);
        assertThat(api.get("/api/accounts/me").as(session).send().statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/api/accounts/me").as(session).send().statusCode() == 401);
    }
}
