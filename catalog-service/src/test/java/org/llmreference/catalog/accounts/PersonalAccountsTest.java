package org.llmreference.catalog.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.catalog.accounts.AccountCalls.PASSWORD;
import static org.llmreference.catalog.accounts.AccountCalls.parse;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.identity.AccountChanged;
import org.llmreference.contracts.identity.IdentityEvent;
import org.llmreference.platform.security.TokenHash;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;
import org.llmreference.testsupport.TopicProbe;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

/**
 * Personal accounts end to end: the first admin, sessions, personal tokens, roles, and what each
 * caller may not do. Throttling is out of the way here (see {@link SignInLimitsTest}).
 */
@WithInfrastructure
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "llmref.catalog.accounts.admin-password=" + AccountCalls.ADMIN_PASSWORD,
        "llmref.catalog.accounts.max-failures=1000" })
class PersonalAccountsTest {

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
    void theFirstAdminSignsInForAnEightHourSessionThatIdentifiesItsAccount() {
        Instant before = Instant.now();
        HttpResponse<String> signed = calls.signIn("admin", AccountCalls.ADMIN_PASSWORD);

        assertThat(signed.statusCode()).isEqualTo(201);
        JsonNode body = parse(signed.body());
        assertThat(body.path("token").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(Instant.parse(body.path("expiresAt").asString()))
                .isBetween(before.plus(8, ChronoUnit.HOURS).minusSeconds(5), Instant.now().plus(8, ChronoUnit.HOURS));
        assertThat(body.path("account").path("id").asString()).isEqualTo("admin");
        assertThat(body.path("account").path("roles").toString()).isEqualTo("[\"admin\"]");

        HttpResponse<String> me = api.get("/api/accounts/me").as(body.path("token").asString()).send();
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(parse(me.body()).path("id").asString()).isEqualTo("admin");
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSame401() {
        String id = calls.newAccount("\"editor\"");

        HttpResponse<String> wrongPassword = calls.signIn(id, "not-the-password");
        HttpResponse<String> unknownUser = calls.signIn("nobody-" + id, "not-the-password");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(parse(wrongPassword.body()).path("detail").asString())
                .isEqualTo(parse(unknownUser.body()).path("detail").asString())
                .isEqualTo("The username or password is wrong.");
    }

    @Test
    void signingOutEndsThatSessionOnlyAndTheTokenStopsWorking() {
        String id = calls.newAccount("\"editor\"");
        String first = calls.sessionOf(id, PASSWORD);
        String second = calls.sessionOf(id, PASSWORD);

        assertThat(api.delete("/api/sessions/current").as(first).send().statusCode()).isEqualTo(204);

        HttpResponse<String> afterSignOut = api.get("/api/accounts/me").as(first).send();
        assertThat(afterSignOut.statusCode()).isEqualTo(401);
        assertThat(afterSignOut.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.get("/api/accounts/me").as(second).send().statusCode()).isEqualTo(200);
        assertThat(api.delete("/api/sessions/current").as(first).send().statusCode()).isEqualTo(401);
    }

    @Test
    void oneUsersSignOutDoesNotEndAnotherUsersSession() {
        String alice = calls.newAccount("\"editor\"");
        String bob = calls.newAccount("\"editor\"");
        String aliceSession = calls.sessionOf(alice, PASSWORD);
        String bobSession = calls.sessionOf(bob, PASSWORD);

        assertThat(api.delete("/api/sessions/current").as(bobSession).send().statusCode()).isEqualTo(204);

        HttpResponse<String> me = api.get("/api/accounts/me").as(aliceSession).send();
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(parse(me.body()).path("id").asString()).isEqualTo(alice);
        assertThat(api.get("/api/accounts/me").as(bobSession).send().statusCode()).isEqualTo(401);
    }

    @Test
    void aPersonalTokenIsShownOnceListedWithoutItsValueAndStopsWorkingWhenRevoked() {
        String id = calls.newAccount("\"editor\"");
        String session = calls.sessionOf(id, PASSWORD);

        HttpResponse<String> issued = api.post("/api/accounts/me/tokens", "{\"name\":\"laptop script\"}").as(session).send();
        assertThat(issued.statusCode()).isEqualTo(201);
        JsonNode token = parse(issued.body());
        String value = token.path("token").asString();
        assertThat(token.path("name").asString()).isEqualTo("laptop script");
        assertThat(parse(api.get("/api/accounts/me").as(value).send().body()).path("id").asString()).isEqualTo(id);

        HttpResponse<String> listed = api.get("/api/accounts/me/tokens").as(session).send();
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(parse(listed.body()).path("tokens").get(0).path("name").asString()).isEqualTo("laptop script");
        assertThat(listed.body()).doesNotContain(value).doesNotContain(org.llmreference.platform.security.TokenHash.of(value))
                .doesNotContainIgnoringCase("hash");

        assertThat(api.delete("/api/accounts/me/tokens/" + token.path("id").asString()).as(session).send().statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/accounts/me").as(value).send().statusCode()).isEqualTo(401);
    }

    @Test
    void noAnswerAboutAccountsCarriesAPasswordOrTokenHash() {
        String id = calls.newAccount("\"editor\"");
        String admin = calls.adminSession();
        api.post("/api/accounts/me/tokens", "{\"name\":\"ci\"}").as(admin).send();

        for (String path : new String[] { "/api/accounts", "/api/accounts/me", "/api/accounts/me/tokens" }) {
            String body = api.get(path).as(admin).send().body();
            assertThat(body).as(path).doesNotContainIgnoringCase("hash").doesNotContain("{bcrypt}").doesNotContain("$2a$");
        }
        assertThat(api.get("/api/accounts").as(admin).send().body()).contains("\"" + id + "\"");
    }

    @Test
    void anEditorCannotManageAccountsNorMakeItselfAdmin() {
        String id = calls.newAccount("\"editor\"");
        String session = calls.sessionOf(id, PASSWORD);

        HttpResponse<String> promote = api.patch("/api/accounts/" + id, "{\"roles\":[\"editor\",\"admin\"]}").as(session).send();
        assertThat(promote.statusCode()).isEqualTo(403);
        assertThat(parse(promote.body()).path("detail").asString()).contains("admin");
        assertThat(api.get("/api/accounts").as(session).send().statusCode()).isEqualTo(403);
        assertThat(api.post("/api/accounts", "{\"id\":\"sneaky\",\"displayName\":\"S\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"admin\"]}").as(session).send().statusCode()).isEqualTo(403);
        assertThat(parse(api.get("/api/accounts/me").as(session).send().body()).path("roles").toString())
                .isEqualTo("[\"editor\"]");
    }

    @Test
    void theSharedTokensCannotManageAccounts() {
        assertThat(api.get("/api/accounts").as(TestTokens.EDITOR).send().statusCode()).isEqualTo(403);
        assertThat(api.get("/api/accounts").as(TestTokens.OPS).send().statusCode()).isEqualTo(403);
        HttpResponse<String> me = api.get("/api/accounts/me").as(TestTokens.EDITOR).send();
        assertThat(parse(me.body()).path("id").asString()).isEqualTo("automation");
    }

    @Test
    void anOpsAccountCannotWriteModels() {
        String id = calls.newAccount("\"ops\"");
        String session = calls.sessionOf(id, PASSWORD);

        HttpResponse<String> write = api.put("/api/models/ops-write-" + id, "{\"name\":\"x\"}").as(session).send();

        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(parse(write.body()).path("detail").asString()).contains("editor");
    }

    @Test
    void theLastAdminKeepsItsRoleAndCannotBeDisabled() {
        String admin = calls.adminSession();

        HttpResponse<String> demote = api.patch("/api/accounts/admin", "{\"roles\":[\"editor\"]}").as(admin).send();
        HttpResponse<String> disable = api.patch("/api/accounts/admin", "{\"disabled\":true}").as(admin).send();

        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(parse(demote.body()).path("detail").asString()).contains("last enabled admin");
        assertThat(disable.statusCode()).isEqualTo(409);
        assertThat(calls.signIn("admin", AccountCalls.ADMIN_PASSWORD).statusCode()).isEqualTo(201);
    }

    @Test
    void aDisabledAccountCannotSignInAndItsTokensStopWorking() {
        String id = calls.newAccount("\"editor\"");
        String session = calls.sessionOf(id, PASSWORD);
        String token = parse(api.post("/api/accounts/me/tokens", "{\"name\":\"t\"}").as(session).send().body())
                .path("token").asString();

        HttpResponse<String> disabled = api.patch("/api/accounts/" + id, "{\"disabled\":true}").as(calls.adminSession()).send();

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(parse(disabled.body()).path("disabled").asBoolean()).isTrue();
        assertThat(api.get("/api/accounts/me").as(session).send().statusCode()).isEqualTo(401);
        assertThat(api.get("/api/accounts/me").as(token).send().statusCode()).isEqualTo(401);
        assertThat(calls.signIn(id, PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminGrantsRolesAndAChangedPasswordEndsTheOldSessions() {
        String id = calls.newAccount("\"editor\"");
        String old = calls.sessionOf(id, PASSWORD);

        HttpResponse<String> changed = api.patch("/api/accounts/" + id,
                "{\"roles\":[\"editor\",\"ops\"],\"password\":\"another-long-password\"}").as(calls.adminSession()).send();

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(parse(changed.body()).path("roles").toString()).isEqualTo("[\"editor\",\"ops\"]");
        assertThat(api.get("/api/accounts/me").as(old).send().statusCode()).isEqualTo(401);
        assertThat(calls.signIn(id, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(calls.signIn(id, "another-long-password").statusCode()).isEqualTo(201);
    }

    @Test
    void badAccountInputIsA400NamingTheField() {
        String admin = calls.adminSession();

        HttpResponse<String> shortPassword = api.post("/api/accounts",
                "{\"id\":\"short-pw\",\"displayName\":\"S\",\"password\":\"short\",\"roles\":[\"editor\"]}").as(admin).send();
        HttpResponse<String> badRole = api.post("/api/accounts",
                "{\"id\":\"bad-role\",\"displayName\":\"S\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"root\"]}")
                .as(admin).send();
        HttpResponse<String> badId = api.post("/api/accounts",
                "{\"id\":\"Not A Slug\",\"displayName\":\"S\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"editor\"]}")
                .as(admin).send();
        HttpResponse<String> reserved = api.post("/api/accounts",
                "{\"id\":\"automation\",\"displayName\":\"S\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"admin\"]}")
                .as(admin).send();

        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(parse(shortPassword.body()).path("errors").get(0).path("field").asString()).isEqualTo("password");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(parse(badRole.body()).path("errors").get(0).path("field").asString()).isEqualTo("roles");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(reserved.statusCode()).isEqualTo(400);
    }

    @Test
    void garbledOrForeignSchemeTokensAre401Problems() {
        HttpResponse<String> garbled = api.get("/api/accounts/me").as("garbled\u00e9token").send();
        HttpResponse<String> basic = api.get("/api/accounts/me").header("Authorization", "Basic YWRtaW46eA==").send();
        HttpResponse<String> none = api.get("/api/accounts/me").send();

        assertThat(garbled.statusCode()).isEqualTo(401);
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void everyChangePublishesTheAccountsRolesAndLiveTokenHashesButNeverATokenOrPassword(TestInfrastructure infrastructure) {
        String id = calls.newAccount("\"editor\"");
        String session = calls.sessionOf(id, PASSWORD);

        try (TopicProbe probe = new TopicProbe(infrastructure.kafkaBootstrapServers(), Topics.IDENTITY_ACCOUNTS)) {
            ConsumerRecord<byte[], byte[]> record = probe.awaitRecord(r -> id.equals(TopicProbe.key(r))
                    && new String(r.value(), StandardCharsets.UTF_8).contains(TokenHash.of(session)), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("identity.AccountChanged.v1");
            Envelope<IdentityEvent> event = EventCodec.decode(record.value(), IdentityEvent.class);
            AccountChanged state = (AccountChanged) event.payload();
            assertThat(state.id()).isEqualTo(id);
            assertThat(state.roles()).containsExactly("editor");
            assertThat(state.tokens()).extracting(AccountChanged.LiveToken::sha256).contains(TokenHash.of(session));
            String json = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(json).doesNotContain(session).doesNotContain(PASSWORD).doesNotContain("bcrypt");
        }
    }

    @Test
    void thePasswordIsNeverLogged(CapturedOutput output) {
        String id = calls.newAccount("\"editor\"");
        calls.signIn(id, "wrong-password-that-must-not-be-logged");
        calls.sessionOf(id, PASSWORD);

        assertThat(output.getAll()).contains("Sign-in failed: username='" + id + "'")
                .doesNotContain("wrong-password-that-must-not-be-logged").doesNotContain(PASSWORD);
    }
}
