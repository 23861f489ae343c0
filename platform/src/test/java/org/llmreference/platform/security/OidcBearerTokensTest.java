package org.llmreference.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Where an OIDC issuer is configured (here: its JWK set, served by a local HTTP server; no network),
 * the editor APIs accept its JWTs: the roles claim gives editor, ops or admin, the preferred username
 * (else the subject) is the author. A JWT signed with another key, expired, or from another issuer is
 * refused with 401; the shared token keeps working.
 */
@WithInfrastructure
@SpringBootTest(classes = OidcTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcBearerTokensTest {

    static final String ISSUER = "https://id.example.test/realms/editors";
    static final RSAKey KEY = key("issuer-key");
    static final RSAKey OTHER_KEY = key("someone-else");
    static final HttpServer JWKS = jwks();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("llmref.security.oidc.roles-claim", () -> "realm_access.roles");
    }

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    @Test
    void anEditorsJwtWritesAndItsPreferredUsernameIsTheAuthor() {
        String jwt = jwt(KEY, claims("jane.doe", Instant.now().plusSeconds(300)).claim("name", "Jane Doe")
                .claim("realm_access", Map.of("roles", List.of("editor", "offline_access"))).build());

        HttpResponse<String> answer = write(jwt);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"author\":\"jane.doe\"").contains("\"displayName\":\"Jane Doe\"")
                .contains("\"roles\":[\"editor\"]");
    }

    @Test
    void withoutAPreferredUsernameTheSubjectIsTheAuthorAndAdminCarriesTheEditorRole() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("8f2c-subject")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("realm_access", Map.of("roles", List.of("ADMIN"))).build();

        HttpResponse<String> answer = write(jwt(KEY, claims));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"author\":\"8f2c-subject\"").contains("\"roles\":[\"admin\"]");
    }

    @Test
    void anOpsJwtMayNotWrite() {
        String jwt = jwt(KEY, claims("oscar", Instant.now().plusSeconds(300))
                .claim("realm_access", Map.of("roles", List.of("ops"))).build());

        assertThat(write(jwt).statusCode()).isEqualTo(403);
    }

    @Test
    void aJwtSignedWithAnotherKeyExpiredOrFromAnotherIssuerIsRefused() {
        Map<String, Object> editor = Map.of("roles", List.of("editor"));
        String forged = jwt(OTHER_KEY, claims("mallory", Instant.now().plusSeconds(300)).claim("realm_access", editor).build());
        String expired = jwt(KEY, claims("jane.doe", Instant.now().minusSeconds(600)).claim("realm_access", editor).build());
        String elsewhere = jwt(KEY, new JWTClaimsSet.Builder().issuer("https://evil.example.test").subject("eve")
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("realm_access", editor).build());

        for (String jwt : List.of(forged, expired, elsewhere)) {
            HttpResponse<String> answer = write(jwt);
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).contains("the bearer token is not valid");
        }
    }

    @Test
    void theSharedEditorTokenKeepsWorking() {
        HttpResponse<String> answer = write(TestTokens.EDITOR);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"author\":\"automation\"");
    }

    private HttpResponse<String> write(String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/things"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims(String username, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("subject-of-" + username)
                .claim("preferred_username", username).issueTime(Date.from(expires.minusSeconds(600)))
                .expirationTime(Date.from(expires));
    }

    private static String jwt(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer's JWK set (its public key only), as an OIDC provider publishes it. */
    private static HttpServer jwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
