package org.llmreference.catalog.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and per client address (in memory, per instance). After
 * {@code maxFailures} failures within {@code lockout}, that username or address is locked out for
 * {@code lockout}: every attempt, right or wrong, is refused until then.
 */
@Component
class SignInThrottle {

    private final int maxFailures;
    private final Duration lockout;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    SignInThrottle(AccountSettings settings) {
        this.maxFailures = settings.maxFailures();
        this.lockout = settings.lockout();
    }

    /** How long the username or address is still locked out, if it is. */
    Optional<Duration> lockedOut(String username, String address, Instant now) {
        Instant until = later(lockedUntil.get(userKey(username)), lockedUntil.get(addressKey(address)));
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    void failed(String username, String address, Instant now) {
        record(userKey(username), now);
        record(addressKey(address), now);
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private void record(String key, Instant now) {
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(lockout))) {
                recent.pollFirst();
            }
            recent.addLast(now);
            if (recent.size() >= maxFailures) {
                lockedUntil.put(key, now.plus(lockout));
                recent.clear();
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + username;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
