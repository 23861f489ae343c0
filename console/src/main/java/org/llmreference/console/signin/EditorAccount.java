package org.llmreference.console.signin;

import java.io.Serializable;
import java.util.List;

/**
 * The signed-in editor as the sessions API described it, with the session token the console sends
 * on the editor's behalf. Kept in the server-side HTTP session only; the browser never sees the token.
 */
public record EditorAccount(String id, String displayName, List<String> roles, String token) implements Serializable {

    public EditorAccount {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return "EditorAccount[" + id + ", " + roles + "]";
    }
}
