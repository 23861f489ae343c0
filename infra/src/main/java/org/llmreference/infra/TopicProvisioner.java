package org.llmreference.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.llmreference.contracts.TopicSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the topics exist as specified: creates the missing ones with their partitions, replication
 * factor 1 and cleanup policy, and adds partitions where an existing topic has fewer. Safe to run
 * on every start. It never changes the configuration of a topic that exists.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    /** The Kafka client's own default request timeout; a shorter overall timeout shortens it too. */
    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private TopicProvisioner() {
    }

    /**
     * @param timeout how long to wait in all, including for a broker that is still starting
     * @throws IllegalStateException naming the broker and the timeout when the topics are not there in time
     */
    public static void ensure(String bootstrapServers, List<TopicSpec> topics, Duration timeout) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topics, "topics");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Admin admin = Admin.create(adminConfig(bootstrapServers, timeout));
        try {
            Set<String> existing = admin.listTopics().names().get(remaining(deadline), TimeUnit.NANOSECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<TopicSpec> present = new ArrayList<>();
            for (TopicSpec spec : topics) {
                if (existing.contains(spec.name())) {
                    present.add(spec);
                } else {
                    missing.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(configs(spec)));
                }
            }
            createAll(admin, missing, deadline);
            growPartitions(admin, present, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topics on " + bootstrapServers, e);
        } catch (TimeoutException e) {
            throw timedOut(bootstrapServers, timeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw timedOut(bootstrapServers, timeout, e.getCause());
            }
            throw new IllegalStateException("could not create the topics on " + bootstrapServers + ": " + e.getCause(), e);
        } finally {
            // Returns at once after success; after a failure it abandons the calls still waiting for the broker.
            admin.close(Duration.ZERO);
        }
    }

    private static IllegalStateException timedOut(String bootstrapServers, Duration timeout, Throwable cause) {
        return new IllegalStateException("the topics on " + bootstrapServers + " were not ready within "
                + timeout.toMillis() + " ms: is Kafka running there?", cause);
    }

    static Map<String, String> configs(TopicSpec spec) {
        Map<String, String> configs = new HashMap<>();
        if (spec.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            configs.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0");
            configs.put(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofHours(6).toMillis()));
        } else {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(14).toMillis()));
        }
        return configs;
    }

    private static Map<String, Object> adminConfig(String bootstrapServers, Duration timeout) {
        int total = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        int request = (int) Math.min(total, MAX_REQUEST_TIMEOUT.toMillis());
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "llmref-topic-provisioner",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, request,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.max(total, request));
    }

    private static void createAll(Admin admin, List<NewTopic> missing, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (missing.isEmpty()) {
            return;
        }
        for (var result : admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get(remaining(deadline), TimeUnit.NANOSECONDS);
                log.info("Created topic {}", result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                log.debug("Topic {} was created meanwhile by someone else", result.getKey());
            }
        }
    }

    private static void growPartitions(Admin admin, List<TopicSpec> present, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (present.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(present.stream().map(TopicSpec::name).toList())
                .allTopicNames().get(remaining(deadline), TimeUnit.NANOSECONDS);
        Map<String, NewPartitions> grow = new HashMap<>();
        for (TopicSpec spec : present) {
            int current = descriptions.get(spec.name()).partitions().size();
            if (current < spec.partitions()) {
                grow.put(spec.name(), NewPartitions.increaseTo(spec.partitions()));
                log.info("Topic {} grows from {} to {} partitions", spec.name(), current, spec.partitions());
            }
        }
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get(remaining(deadline), TimeUnit.NANOSECONDS);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }
}
