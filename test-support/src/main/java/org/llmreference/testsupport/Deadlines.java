package org.llmreference.testsupport;

import java.time.Duration;

/**
 * How long test helpers wait before they give up, sized for a loaded 2-core machine (the whole
 * suite, or another stack, on the same cores). Each is a deadline for a condition, never a pause:
 * a passing test waits only as long as the condition takes, so a generous deadline costs nothing
 * and only a test that would never pass runs into it.
 */
public final class Deadlines {

    /** One HTTP request: a service's first answer (e.g. its OpenAPI document) can take tens of seconds under load. */
    public static final Duration HTTP_REQUEST = Duration.ofMinutes(2);

    /** Opening a connection to a service. */
    public static final Duration HTTP_CONNECT = Duration.ofMinutes(1);

    /** Kafka acknowledging one sent record, or answering an admin request. */
    public static final Duration KAFKA = Duration.ofMinutes(2);

    /** A service process starting until it reports ready. */
    public static final Duration SERVICE_READY = Duration.ofMinutes(5);

    /** A service process stopping after SIGTERM, or going after SIGKILL. */
    public static final Duration SERVICE_STOP = Duration.ofMinutes(2);

    private Deadlines() {
    }
}
