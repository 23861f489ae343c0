package org.llmreference.catalog.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.llmreference.platform.security.AccessTokens.Role;
import org.llmreference.platform.security.Caller;

/**
 * A personal account: a slug id (the author recorded on every change it makes), a display name, a
 * password hash (Spring Security's delegating encoder, bcrypt), roles, a disabled flag, personal API
 * tokens and open sessions, both kept only as SHA-256 hashes.
 */
public record Account(String id, String displayName, String passwordHash, Set<Role> roles, boolean disabled,
        List<ApiToken> tokens, List<Session> sessions) {

    public Account {
        roles = Set.copyOf(roles);
        tokens = List.copyOf(tokens);
        sessions = List.copyOf(sessions);
    }

    /** A personal API token: its id and name are shown, its value only once, its hash never. */
    public record ApiToken(String id, String name, String hash, Instant createdAt) {
    }

    /** A signed-in session until {@code expiresAt}. */
    public record Session(String hash, Instant expiresAt) {
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public Caller caller() {
        return new Caller(id, displayName, roles);
    }
}
