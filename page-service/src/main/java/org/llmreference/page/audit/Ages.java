package org.llmreference.page.audit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Ages as the audit shows them: seconds with millisecond precision, never negative (clocks differ a little). */
final class Ages {

    private Ages() {
    }

    /** How long before {@code now} {@code since} was; {@code null} when {@code since} is unknown. */
    static BigDecimal seconds(Instant since, Instant now) {
        if (since == null) {
            return null;
        }
        long millis = Duration.between(since, now).toMillis();
        return BigDecimal.valueOf(Math.max(0, millis), 3);
    }
}
