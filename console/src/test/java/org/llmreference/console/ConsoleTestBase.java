package org.llmreference.console;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The console app on a random port, its three services played by {@link FakeServices}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ConsoleTestBase {

    static final FakeServices SERVICES = new FakeServices();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("llmref.console.catalog-url", SERVICES.catalog::url);
        registry.add("llmref.console.pricing-url", SERVICES.pricing::url);
        registry.add("llmref.console.comparison-url", SERVICES.comparison::url);
        registry.add("llmref.console.page-url", SERVICES.pages::url);
        registry.add("llmref.console.site-url", () -> "https://llmreference.example");
    }

    @BeforeEach
    void freshServices() {
        SERVICES.reset();
    }

    Browser browser() {
        return new Browser("http://localhost:" + port);
    }

    Browser signedIn(String username) {
        Browser browser = browser();
        var answer = browser.signIn(username, "right-password");
        if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/console/models")) {
            throw new AssertionError("sign-in failed: " + answer.statusCode() + " " + answer.headers().map() + answer.body());
        }
        return browser;
    }
}
