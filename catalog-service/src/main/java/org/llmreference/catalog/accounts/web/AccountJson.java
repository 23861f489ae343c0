package org.llmreference.catalog.accounts.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.llmreference.catalog.accounts.Account;
import org.llmreference.platform.security.AccessTokens.Role;
import org.llmreference.platform.web.ApiProblem;

import tools.jackson.databind.JsonNode;

/** The JSON shapes of the accounts API. Token hashes and password hashes never leave in any of them. */
final class AccountJson {

    private AccountJson() {
    }

    record AccountView(String id, String displayName, List<String> roles, boolean disabled) {
        static AccountView of(Account account) {
            return new AccountView(account.id(), account.displayName(),
                    account.roles().stream().sorted().map(Role::wireName).toList(), account.disabled());
        }
    }

    record SessionView(String token, Instant expiresAt, AccountView account) {
    }

    record TokenView(String id, String name, Instant createdAt) {
        static TokenView of(Account.ApiToken token) {
            return new TokenView(token.id(), token.name(), token.createdAt());
        }
    }

    record IssuedTokenView(String id, String name, String token, Instant createdAt) {
    }

    record Accounts(List<AccountView> accounts) {
    }

    record Tokens(List<TokenView> tokens) {
    }

    /** A string field of a JSON body, null when absent. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiProblem.invalid(field, "type", "must be a string");
        }
        return value.asString();
    }

    /** The roles named by a JSON array field, null when absent. */
    static Set<Role> roles(JsonNode body) {
        JsonNode value = body.get("roles");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiProblem.invalid("roles", "type", "must be an array of \"editor\", \"ops\" or \"admin\"");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode name : value) {
            roles.add(Role.fromWire(name.isString() ? name.asString() : "").orElseThrow(() -> ApiProblem.invalid("roles",
                    "one-of", "each role must be \"editor\", \"ops\" or \"admin\", not " + name)));
        }
        return roles;
    }

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalid("body", "type", "must be a JSON object");
        }
        return body;
    }
}
