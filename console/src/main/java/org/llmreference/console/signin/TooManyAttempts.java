package org.llmreference.console.signin;

import org.springframework.security.core.AuthenticationException;

/** The sessions API throttles this username after failed attempts (429 with Retry-After). */
class TooManyAttempts extends AuthenticationException {

    TooManyAttempts(long retryAfterSeconds) {
        super("Too many attempts; try again in " + minutes(retryAfterSeconds) + ".");
    }

    private static String minutes(long seconds) {
        long minutes = Math.max(1, (seconds + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
