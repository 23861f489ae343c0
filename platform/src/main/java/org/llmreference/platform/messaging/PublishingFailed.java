package org.llmreference.platform.messaging;

/**
 * Events could not be published to Kafka (the broker is away, or did not acknowledge in time). A
 * request that failed because of it answers 503 {@code messaging-unavailable}, not a 500.
 */
public class PublishingFailed extends RuntimeException {

    public PublishingFailed(String message) {
        super(message);
    }

    public PublishingFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
