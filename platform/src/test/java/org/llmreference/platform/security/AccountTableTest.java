package org.llmreference.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.identity.AccountChanged;
import org.llmreference.contracts.identity.AccountChanged.LiveToken;
import org.llmreference.platform.security.AccessTokens.Role;

class AccountTableTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    final AccountTable table = new AccountTable("unused:9092", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void authenticatesALiveTokenAsItsAccountWithItsRoles() {
        table.apply(new AccountChanged("ada", "Ada", List.of("editor", "ops"), false,
                List.of(new LiveToken(TokenHash.of("session"), NOW.plusSeconds(60)), new LiveToken(TokenHash.of("api"), null))));

        assertThat(table.authenticate("session")).hasValueSatisfying(caller -> {
            assertThat(caller.id()).isEqualTo("ada");
            assertThat(caller.roles()).containsExactlyInAnyOrder(Role.EDITOR, Role.OPS);
        });
        assertThat(table.authenticate("api")).isPresent();
        assertThat(table.authenticate("other")).isEmpty();
    }

    @Test
    void refusesAnExpiredSession() {
        table.apply(new AccountChanged("ada", "Ada", List.of("editor"), false,
                List.of(new LiveToken(TokenHash.of("old"), NOW))));

        assertThat(table.authenticate("old")).isEmpty();
    }

    @Test
    void forgetsTokensTheNextStateNoLongerListsAndEveryTokenOfADisabledAccount() {
        table.apply(new AccountChanged("ada", "Ada", List.of("editor"), false,
                List.of(new LiveToken(TokenHash.of("a"), null), new LiveToken(TokenHash.of("b"), null))));
        table.apply(new AccountChanged("ada", "Ada", List.of("editor"), false, List.of(new LiveToken(TokenHash.of("b"), null))));

        assertThat(table.authenticate("a")).isEmpty();
        assertThat(table.authenticate("b")).isPresent();

        table.apply(new AccountChanged("ada", "Ada", List.of("editor"), true, List.of(new LiveToken(TokenHash.of("b"), null))));
        assertThat(table.authenticate("b")).isEmpty();
    }

    @Test
    void oneAccountsStateDoesNotTouchAnothersTokens() {
        table.apply(new AccountChanged("ada", "Ada", List.of("editor"), false, List.of(new LiveToken(TokenHash.of("a"), null))));
        table.apply(new AccountChanged("bob", "Bob", List.of("editor"), false, List.of()));

        assertThat(table.authenticate("a")).map(Caller::id).hasValue("ada");
    }

    @Test
    void theSharedTokensStandForTheAutomationAccounts() {
        AccessTokens tokens = new AccessTokens(List.of("shared-editor"), List.of("shared-ops"));

        assertThat(tokens.callerOf("shared-editor")).hasValue(Caller.AUTOMATION);
        assertThat(tokens.callerOf("shared-ops")).hasValue(Caller.OPS_AUTOMATION);
        assertThat(Caller.AUTOMATION.roles()).containsExactly(Role.EDITOR);
    }
}
