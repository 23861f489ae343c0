package org.llmreference.platform.security;

import java.util.Optional;

/**
 * Tells who a bearer token belongs to. Every service has the {@link AccountTable} (fed from
 * {@code identity.accounts.v1}); catalog-service, which owns the accounts, also answers from its
 * own store so that a sign-out takes effect at once.
 */
public interface TokenAuthority {

    /** The caller {@code token} authenticates, or empty if it is unknown, expired, revoked or disabled. */
    Optional<Caller> authenticate(String token);
}
