package org.llmreference.contracts.identity;

import java.time.Instant;
import java.util.List;

/**
 * An account's whole state as every service needs it to authenticate its callers: who it is, its
 * roles (editor, ops, admin), whether it is disabled, and the SHA-256 hashes (lower-case hex) of its
 * live bearer tokens, never the tokens themselves. A disabled account lists no tokens.
 */
public record AccountChanged(String id, String displayName, List<String> roles, boolean disabled,
        List<LiveToken> tokens) implements IdentityEvent {

    public AccountChanged {
        roles = roles == null ? List.of() : List.copyOf(roles);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    /** A live token: a session until {@code expiresAt}, or a personal API token ({@code expiresAt} absent). */
    public record LiveToken(String sha256, Instant expiresAt) {
    }
}
