package org.llmreference.console.accounts;

import java.util.List;

/** One account as catalog-service's accounts API shows it (never its password or tokens). */
public record AccountLine(String id, String displayName, List<String> roles, boolean disabled) {

    public AccountLine {
        roles = List.copyOf(roles);
    }
}
