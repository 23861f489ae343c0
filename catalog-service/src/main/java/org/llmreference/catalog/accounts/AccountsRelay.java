package org.llmreference.catalog.accounts;

import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.OutboxRelays;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes the pending {@code identity.accounts.v1} events that account documents carry. Held here
 * rather than declared as an {@link OutboxRelay} bean, so the models' relay stays the only one.
 */
@Component
class AccountsRelay implements SmartLifecycle {

    private final OutboxRelay relay;

    AccountsRelay(OutboxRelays relays) {
        this.relay = relays.over(Accounts.COLLECTION);
    }

    void wake(String accountId) {
        relay.wake(accountId);
    }

    @Override
    public void start() {
        relay.start();
    }

    @Override
    public void stop() {
        relay.stop();
    }

    @Override
    public boolean isRunning() {
        return relay.isRunning();
    }

    @Override
    public int getPhase() {
        return relay.getPhase();
    }
}
