package org.llmreference.platform.security;

import java.util.Map;
import java.util.TreeSet;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service with one write: it answers who wrote, as every service records the author. */
@SpringBootApplication
class OidcTestApplication {

    @RestController
    static class Writes {

        @PostMapping("/api/things")
        Map<String, Object> write() {
            Caller caller = Caller.current().orElseThrow();
            return Map.of("author", caller.id(), "displayName", caller.displayName(),
                    "roles", new TreeSet<>(caller.roles().stream().map(AccessTokens.Role::wireName).toList()));
        }
    }
}
