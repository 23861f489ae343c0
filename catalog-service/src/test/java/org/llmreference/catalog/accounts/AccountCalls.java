package org.llmreference.catalog.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.llmreference.testsupport.Api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Signing in and creating accounts through the API, for the tests. */
final class AccountCalls {

    static final String ADMIN_PASSWORD = "first-admin-password-for-tests";
    static final String PASSWORD = "a-long-enough-password";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Api api;

    AccountCalls(Api api) {
        this.api = api;
    }

    static JsonNode parse(String body) {
        return JSON.readTree(body);
    }

    static String newId(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
    }

    HttpResponse<String> signIn(String username, String password) {
        return api.post("/api/sessions", "{\"username\":" + JSON.writeValueAsString(username) + ",\"password\":"
                + JSON.writeValueAsString(password) + "}").send();
    }

    String sessionOf(String username, String password) {
        HttpResponse<String> signed = signIn(username, password);
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        return parse(signed.body()).path("token").asString();
    }

    String adminSession() {
        return sessionOf(AccountKeeping.FIRST_ADMIN, ADMIN_PASSWORD);
    }

    /** Creates an account with the roles (JSON array content, e.g. {@code "\"editor\""}) and returns its id. */
    String newAccount(String roles) {
        String id = newId("acct");
        HttpResponse<String> created = api.post("/api/accounts", "{\"id\":\"" + id + "\",\"displayName\":\"Editor " + id
                + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[" + roles + "]}").as(adminSession()).send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }
}
