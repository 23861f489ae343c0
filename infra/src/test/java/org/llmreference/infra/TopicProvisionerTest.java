package org.llmreference.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.contracts.TopicSpec;
import org.llmreference.contracts.Topics;

class TopicProvisionerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(dataDir, 0, 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void createsEveryTopicOfTheContractsWithItsPartitionsAndCleanupPolicyAndCanRunAgain() throws Exception {
        TopicProvisioner.ensure(broker.bootstrapServers(), Topics.ALL, TIMEOUT);
        TopicProvisioner.ensure(broker.bootstrapServers(), Topics.ALL, TIMEOUT);

        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL.stream().map(TopicSpec::name).toList())
                    .allTopicNames().get();
            for (TopicSpec spec : Topics.ALL) {
                TopicDescription topic = topics.get(spec.name());
                assertThat(topic.partitions()).as(spec.name()).hasSize(spec.partitions());
                assertThat(topic.partitions().get(0).replicas()).as(spec.name()).hasSize(1);
                Config config = config(admin, spec.name());
                assertThat(config.get("cleanup.policy").value()).as(spec.name())
                        .isEqualTo(spec.compacted() ? "compact" : "delete");
                if (spec.compacted()) {
                    assertThat(config.get("min.compaction.lag.ms").value()).as(spec.name()).isEqualTo("0");
                }
            }
        }
    }

    @Test
    void addsPartitionsWhenTheSpecAsksForMoreThanTheTopicHas() throws Exception {
        TopicProvisioner.ensure(broker.bootstrapServers(), List.of(new TopicSpec("grows.v1", 1, false)), TIMEOUT);

        TopicProvisioner.ensure(broker.bootstrapServers(), List.of(new TopicSpec("grows.v1", 4, false)), TIMEOUT);

        try (Admin admin = admin()) {
            assertThat(admin.describeTopics(List.of("grows.v1")).allTopicNames().get().get("grows.v1").partitions())
                    .hasSize(4);
            assertThat(config(admin, "grows.v1").get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    @Test
    void failsWithAClearMessageWhenNoBrokerAnswersInTime() {
        String nobody = "127.0.0.1:" + Ports.resolve(0);
        long begin = System.nanoTime();

        assertThatThrownBy(() -> TopicProvisioner.ensure(nobody, Topics.ALL, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the topics on " + nobody + " were not ready within 1000 ms: is Kafka running there?");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }
}
