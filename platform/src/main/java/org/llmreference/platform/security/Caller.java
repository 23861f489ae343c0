package org.llmreference.platform.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.llmreference.platform.security.AccessTokens.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who sent a request: an account id (the author recorded on every change it makes), its display
 * name and its roles.
 */
public record Caller(String id, String displayName, Set<Role> roles) {

    /** The shared editor token ({@code LLMREF_EDITOR_TOKEN}), kept working for scripts. */
    public static final Caller AUTOMATION = new Caller("automation", "Automation (shared editor token)", Set.of(Role.EDITOR));
    /** The shared ops token ({@code LLMREF_OPS_TOKEN}). */
    public static final Caller OPS_AUTOMATION = new Caller("ops-automation", "Ops automation (shared ops token)", Set.of(Role.OPS));

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller of the request being handled on this thread, if it authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? Optional.of(caller)
                : Optional.empty();
    }

    /**
     * Whether the caller of the request being handled may see who made a change and why (authors,
     * reasons), as on the audit trail: ops, editors and admins. Visitors read a change's history
     * without them.
     */
    public static boolean mayReadAuthors() {
        return current().filter(caller -> caller.has(Role.OPS) || caller.has(Role.EDITOR) || caller.has(Role.ADMIN))
                .isPresent();
    }

    /** The id of the current caller, the author of what it changes; empty when nobody authenticated. */
    public static Optional<String> currentId() {
        return current().map(Caller::id);
    }
}
