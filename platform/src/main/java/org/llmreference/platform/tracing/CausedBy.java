package org.llmreference.platform.tracing;

import org.slf4j.MDC;

/**
 * The id of the edit an event chain started from, by the names it goes by outside an event: the
 * response header of an accepted write ({@value #HEADER}), and the logging-context (MDC) key and span
 * tag of everything that belongs to the chain ({@value #KEY}). On Kafka it travels as the
 * {@code caused-by} header, declared with the other event headers in contracts.
 */
public final class CausedBy {

    /** The response header naming the event an accepted write started. */
    public static final String HEADER = "X-Caused-By";

    /** The logging-context (MDC) key and span tag naming the edit a log line or span belongs to. */
    public static final String KEY = "causedBy";

    private CausedBy() {
    }

    /**
     * Puts {@code causedBy} in the logging context until the returned scope is closed, then restores
     * what was there before, so scopes nest. A {@code null} cause leaves the context as it is.
     */
    public static Scope inLogs(String causedBy) {
        String outer = MDC.get(KEY);
        if (causedBy != null) {
            MDC.put(KEY, causedBy);
        }
        return new Scope(outer);
    }

    /** Restores the logging context's cause of before {@link CausedBy#inLogs(String)} when closed. */
    public static final class Scope implements AutoCloseable {

        private final String outer;

        private Scope(String outer) {
            this.outer = outer;
        }

        @Override
        public void close() {
            if (outer == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, outer);
            }
        }
    }
}
