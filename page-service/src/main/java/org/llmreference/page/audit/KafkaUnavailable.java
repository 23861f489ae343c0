package org.llmreference.page.audit;

/**
 * Kafka did not answer the audit (in time, or at all): the audit reports the part it could check
 * and answers 503 with this message.
 */
class KafkaUnavailable extends RuntimeException {

    KafkaUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
