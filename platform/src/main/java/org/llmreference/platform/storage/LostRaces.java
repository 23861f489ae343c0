package org.llmreference.platform.storage;

import java.util.Optional;

/**
 * The retry of a write guarded by a revision: read, compute, store only if the revision is still
 * the one read; when another writer got there first, read and compute again, a bounded number of
 * times. What to do once every attempt lost (a 409, a log line, a later round) is the caller's.
 */
public final class LostRaces {

    private LostRaces() {
    }

    /** One attempt: its result, or empty when another writer got there first and nothing was stored. */
    @FunctionalInterface
    public interface Attempt<T> {
        Optional<T> run();
    }

    /**
     * Runs {@code attempt} until one does not lose its race, at most {@code attempts} times.
     *
     * @return the first result, or empty when every attempt lost
     */
    public static <T> Optional<T> retry(int attempts, Attempt<T> attempt) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, was " + attempts);
        }
        for (int i = 0; i < attempts; i++) {
            Optional<T> result = attempt.run();
            if (result.isPresent()) {
                return result;
            }
        }
        return Optional.empty();
    }
}
