package org.llmreference.platform.messaging;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Runs an event's handler again while MongoDB is unreachable, instead of letting the binding spend
 * its few quick retries and dead-letter an event that is perfectly good: an outage is the
 * infrastructure's fault, not the event's. The consumer waits, with pauses growing to five
 * seconds, for at most {@code maxWait} (kept below Kafka's {@code max.poll.interval.ms}, five
 * minutes by default, so the consumer keeps its partitions); after that the failure goes to the
 * binding's retries and dead-letter topic like any other. Meanwhile readiness is DOWN.
 */
public final class StorageOutages {

    private static final Logger log = LoggerFactory.getLogger(StorageOutages.class);
    private static final long FIRST_PAUSE_MILLIS = 250;
    private static final long LONGEST_PAUSE_MILLIS = 5_000;

    private final Duration maxWait;

    public StorageOutages(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** Whether {@code failure} says MongoDB could not be reached (rather than that it refused the operation). */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }

    /** {@code action}'s result, running it again while it fails because MongoDB is unreachable, up to the wait. */
    <T> T retryWhileUnreachable(String what, Supplier<T> action) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        int attempt = 1;
        while (true) {
            try {
                T result = action.get();
                if (attempt > 1) {
                    log.info("MongoDB answers again: {} applied after {} attempts", what, attempt);
                }
                return result;
            } catch (RuntimeException e) {
                if (!isOutage(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                if (attempt == 1) {
                    log.warn("MongoDB is unreachable; {} waits for it (at most {}): {}", what, maxWait, e.getMessage());
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for MongoDB to apply " + what, interrupted);
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            attempt++;
        }
    }
}
