package org.llmreference.catalog.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Personal accounts, under {@code llmref.catalog.accounts}: how long a session lasts, the password of
 * the first admin (created at start when no admin exists), and sign-in throttling (after
 * {@code maxFailures} failed attempts for one username or from one address within {@code lockout},
 * sign-in answers 429 for {@code lockout}).
 */
@ConfigurationProperties("llmref.catalog.accounts")
public record AccountSettings(Duration sessionLifetime, String adminPassword, int maxFailures, Duration lockout) {

    public AccountSettings {
        sessionLifetime = sessionLifetime == null ? Duration.ofHours(8) : sessionLifetime;
        adminPassword = adminPassword == null ? "" : adminPassword;
        maxFailures = maxFailures <= 0 ? 5 : maxFailures;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    }
}
