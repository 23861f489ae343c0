package org.llmreference.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bearer tokens that grant a role, under {@code llmref.auth}: {@code editor-tokens} may write
 * through the editor APIs, {@code ops-tokens} may read actuator endpoints other than health and
 * prometheus. Each is a comma-separated list, so a token can be rotated without downtime; the
 * defaults come from {@code LLMREF_EDITOR_TOKEN} and {@code LLMREF_OPS_TOKEN}.
 */
@ConfigurationProperties("llmref.auth")
public record AccessTokens(List<String> editorTokens, List<String> opsTokens) {

    /** The roles a caller can hold: editors write, ops read actuator and audit, admins manage accounts (and may edit). */
    public enum Role {
        EDITOR, OPS, ADMIN;

        /** The lower-case name used on the wire ({@code editor}, {@code ops}, {@code admin}). */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The role named {@code name} on the wire, if it is one. */
        public static Optional<Role> fromWire(String name) {
            for (Role role : values()) {
                if (role.wireName().equals(name)) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }
    }

    public AccessTokens {
        editorTokens = usable(editorTokens);
        opsTokens = usable(opsTokens);
    }

    /** The role {@code token} grants, compared in constant time; empty for an unknown token. */
    public Optional<Role> roleOf(String token) {
        byte[] offered = digest(token);
        boolean editor = false;
        boolean ops = false;
        for (String known : editorTokens) {
            editor |= MessageDigest.isEqual(offered, digest(known));
        }
        for (String known : opsTokens) {
            ops |= MessageDigest.isEqual(offered, digest(known));
        }
        return editor ? Optional.of(Role.EDITOR) : ops ? Optional.of(Role.OPS) : Optional.empty();
    }

    private static List<String> usable(List<String> tokens) {
        List<String> usable = new ArrayList<>();
        if (tokens != null) {
            for (String token : tokens) {
                if (token != null && !token.isBlank()) {
                    usable.add(token.strip());
                }
            }
        }
        return List.copyOf(usable);
    }

    /** The caller a shared token stands for: {@link Caller#AUTOMATION} or {@link Caller#OPS_AUTOMATION}. */
    public Optional<Caller> callerOf(String token) {
        return roleOf(token).map(role -> role == Role.EDITOR ? Caller.AUTOMATION : Caller.OPS_AUTOMATION);
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
