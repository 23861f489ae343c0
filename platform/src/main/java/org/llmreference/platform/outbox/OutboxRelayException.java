package org.llmreference.platform.outbox;

import org.llmreference.platform.messaging.PublishingFailed;

/** An event could not be relayed; it stays pending and the relay tries again later. */
public class OutboxRelayException extends PublishingFailed {

    public OutboxRelayException(String message) {
        super(message);
    }

    public OutboxRelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
