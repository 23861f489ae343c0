package org.llmreference.infra.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One record a consumer group sent to its dead-letter topic, as the Kafka binder wrote it: the
 * original key, value and headers, plus where it came from and why it failed.
 *
 * @param topic           the dead-letter topic ({@code <topic>.<group>.dlq})
 * @param offset          its offset there (each dead-letter topic has one partition)
 * @param deadLetteredAt  when it was written to the dead-letter topic
 * @param sourceTopic     the topic it was consumed from, where a replay sends it back
 * @param sourcePartition its partition there, or -1 when the record does not say
 * @param sourceOffset    its offset there, or -1 when the record does not say
 * @param reason          {@code unreadable} (not a readable event: retrying cannot help) or {@code failed}
 *                        (the handler failed on every attempt), as the {@code llmref.events.dead.lettered} metric tags it
 * @param cause           the innermost failure's message, as the consumer logged it
 * @param eventHeaders    the event's own headers ({@code event-type}, {@code event-id}, ...), which a replay keeps
 * @param replay          when and where it was replayed, or null when it has not been
 */
record DeadLetter(String topic, long offset, Instant deadLetteredAt, byte[] key, byte[] value, String sourceTopic,
        int sourcePartition, long sourceOffset, String reason, String cause, List<Map.Entry<String, byte[]>> eventHeaders,
        String stackTrace, Replay replay) {

    /** A replay recorded on the dead-letter topic: when, and the partition and offset the record got on its source topic. */
    record Replay(Instant at, String to) {
    }

    DeadLetter replayed(Replay done) {
        return new DeadLetter(topic, offset, deadLetteredAt, key, value, sourceTopic, sourcePartition, sourceOffset, reason,
                cause, eventHeaders, stackTrace, done);
    }

    String header(String name) {
        for (Map.Entry<String, byte[]> header : eventHeaders) {
            if (header.getKey().equals(name)) {
                return new String(header.getValue(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
