package org.llmreference.contracts;

/**
 * A Kafka topic as the system needs it to exist.
 *
 * @param name       the topic name
 * @param partitions how many partitions it is created with
 * @param compacted  {@code true} for keyed snapshot changelogs ({@code cleanup.policy=compact}),
 *                   {@code false} for topics whose records expire ({@code cleanup.policy=delete})
 */
public record TopicSpec(String name, int partitions, boolean compacted) {

    public TopicSpec {
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("topic name must be lower-case letters, digits, '.', '_' or '-': " + name);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition: " + name);
        }
    }
}
