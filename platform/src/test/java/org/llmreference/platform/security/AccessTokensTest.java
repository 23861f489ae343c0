package org.llmreference.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.platform.security.AccessTokens.Role;

class AccessTokensTest {

    @Test
    void grantsTheRoleOfAKnownTokenAndNothingToOthers() {
        AccessTokens tokens = new AccessTokens(List.of("editor-1", "editor-2"), List.of("ops-1"));

        assertThat(tokens.roleOf("editor-1")).hasValue(Role.EDITOR);
        assertThat(tokens.roleOf("editor-2")).hasValue(Role.EDITOR);
        assertThat(tokens.roleOf("ops-1")).hasValue(Role.OPS);
        assertThat(tokens.roleOf("editor-3")).isEmpty();
        assertThat(tokens.roleOf("")).isEmpty();
    }

    @Test
    void ignoresBlankConfiguredTokensSoAnEmptyVariableGrantsNothing() {
        AccessTokens tokens = new AccessTokens(List.of(""), null);

        assertThat(tokens.editorTokens()).isEmpty();
        assertThat(tokens.roleOf("")).isEmpty();
    }
}
