package org.llmreference.contracts.identity;

import org.llmreference.contracts.EventPayload;

/** The events on {@code identity.accounts.v1}, keyed by account id. */
public sealed interface IdentityEvent extends EventPayload permits AccountChanged {
}
