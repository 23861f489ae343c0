package org.llmreference.contracts;

/**
 * A record that is not an event this system can read: malformed JSON, an unknown type, a schema
 * version it does not know, or a payload that breaks the contract. Consumers send such records to
 * their dead-letter topic.
 */
public class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String message) {
        super(message);
    }

    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
