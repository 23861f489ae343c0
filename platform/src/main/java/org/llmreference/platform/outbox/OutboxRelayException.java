package org.llmreference.platform.outbox;

/** An event could not be relayed; it stays pending and the relay tries again later. */
public class OutboxRelayException extends RuntimeException {

    public OutboxRelayException(String message) {
        super(message);
    }

    public OutboxRelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
