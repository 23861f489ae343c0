package org.llmreference.pricing.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.identity.AccountChanged;
import org.llmreference.platform.security.TokenHash;
import org.llmreference.pricing.PricingIntegrationTest;
import org.llmreference.testsupport.EventSender;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.TestTokens;

/**
 * pricing-service authenticates personal tokens from {@code identity.accounts.v1} alone: an
 * editor's token writes, an ops token may not, and a revoked token or a disabled account stops
 * working once its new state arrives.
 */
class PersonalTokensTest extends PricingIntegrationTest {

    private static final String BODY = "{\"name\": \"Token Test\"}";

    @Test
    void anEditorsPersonalTokenWritesAndStopsWorkingWhenRevoked(TestInfrastructure infrastructure) {
        String account = unique("ada");
        String token = TokenHash.newToken();
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(state(account, List.of("editor"), false, 1, token));
            await().atMost(Duration.ofSeconds(30)).until(() -> api().put("/api/providers/" + unique("p"), BODY)
                    .as(token).send().statusCode() == 201);

            sender.send(state(account, List.of("editor"), false, 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> api().put("/api/providers/" + unique("p"), BODY)
                    .as(token).send().statusCode() == 401);
        }
    }

    @Test
    void anOpsTokenCannotWriteAndADisabledAccountsTokenIsRefused(TestInfrastructure infrastructure) {
        String ops = unique("ops");
        String opsToken = TokenHash.newToken();
        String editor = unique("bob");
        String editorToken = TokenHash.newToken();
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(state(ops, List.of("ops"), false, 1, opsToken));
            sender.send(state(editor, List.of("editor"), true, 1, editorToken));
            await().atMost(Duration.ofSeconds(30)).until(() -> api().put("/api/providers/" + unique("p"), BODY)
                    .as(opsToken).send().statusCode() == 403);
        }
        assertThat(api().put("/api/providers/" + unique("p"), BODY).as(editorToken).send().statusCode()).isEqualTo(401);
        assertThat(api().put("/api/providers/" + unique("p"), BODY).as(TestTokens.OPS).send().statusCode()).isEqualTo(403);
    }

    @Test
    void anExpiredSessionIsRefused(TestInfrastructure infrastructure) {
        String account = unique("eve");
        String session = TokenHash.newToken();
        String live = TokenHash.newToken();
        try (EventSender sender = new EventSender(infrastructure.kafkaBootstrapServers())) {
            sender.send(Envelope.startingChain(new AccountChanged(account, "Eve", List.of("editor"), false,
                    List.of(new AccountChanged.LiveToken(TokenHash.of(session), Instant.now().minusSeconds(1)),
                            new AccountChanged.LiveToken(TokenHash.of(live), null))), account, 1, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> api().put("/api/providers/" + unique("p"), BODY)
                    .as(live).send().statusCode() == 201);
        }
        assertThat(api().put("/api/providers/" + unique("p"), BODY).as(session).send().statusCode()).isEqualTo(401);
    }

    private static Envelope<AccountChanged> state(String id, List<String> roles, boolean disabled, long revision,
            String... tokens) {
        return Envelope.startingChain(new AccountChanged(id, id, roles, disabled, java.util.Arrays.stream(tokens)
                .map(token -> new AccountChanged.LiveToken(TokenHash.of(token), null)).toList()), id, revision, Instant.now());
    }
}
