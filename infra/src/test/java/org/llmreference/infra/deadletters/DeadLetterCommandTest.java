package org.llmreference.infra.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmreference.contracts.Topics;
import org.llmreference.infra.KafkaBroker;
import org.llmreference.infra.TopicProvisioner;

/**
 * The dead-letter command on a real broker, with dead letters written the way the Kafka binder
 * writes them (the original record plus its {@code x-original-*} and {@code x-exception-*} headers).
 */
class DeadLetterCommandTest {

    static final String PAGES_DLQ = Topics.deadLetterTopic(Topics.COMPARISON_PAGES, "page-service");
    static final String ROUTES_DLQ = Topics.deadLetterTopic(Topics.PRICING_ROUTES, "comparison-service");
    static final String EVENT = "{\"type\":\"comparison.ComparisonChanged.v1\",\"schemaVersion\":1,\"revision\":7,\"payload\":{}}";

    @TempDir
    static Path dataDir;

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(dataDir, 0, 0);
        TopicProvisioner.ensure(broker.bootstrapServers(), Topics.ALL, Duration.ofSeconds(30));
        deadLetter(PAGES_DLQ, Topics.COMPARISON_PAGES, 4, 17, "a-vs-b", EVENT, "comparison.ComparisonChanged.v1",
                "Caused by: com.mongodb.MongoTimeoutException: Timed out while waiting for a server");
        deadLetter(ROUTES_DLQ, Topics.PRICING_ROUTES, 1, 3, "gpt-oss-20b", "{\"type\": \"pricing.RouteChanged.v1\", \"payload\": ",
                "pricing.RouteChanged.v1", "Caused by: org.llmreference.contracts.UnreadableEvent: not JSON: Unexpected end-of-input");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void listsEveryDeadLetterWithItsOriginAndReason() {
        Run list = run("list");

        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(PAGES_DLQ + ": 1 dead letter, 1 not replayed")
                .contains("key a-vs-b  comparison.ComparisonChanged.v1 rev 7  from comparison.pages.v1-4@17")
                .contains("reason: failed: com.mongodb.MongoTimeoutException: Timed out while waiting for a server")
                .contains("key gpt-oss-20b  pricing.RouteChanged.v1 (value is not JSON)  from pricing.routes.v1-1@3")
                .contains("reason: unreadable: org.llmreference.contracts.UnreadableEvent: not JSON")
                .contains(Topics.deadLetterTopic(Topics.CATALOG_MODELS, "pricing-service") + ": none");
    }

    @Test
    void aDryRunSendsNothingAndAConfirmedReplaySendsTheEventBackOnceAndRecordsIt() {
        Run dryRun = run("replay", PAGES_DLQ, "0");
        assertThat(dryRun.code()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Dry run: 1 dead letter of " + PAGES_DLQ + " would be sent back to comparison.pages.v1")
                .contains("Nothing was sent");
        assertThat(records(Topics.COMPARISON_PAGES)).as("a dry run sends nothing").isEmpty();

        Run replay = run("replay", PAGES_DLQ, "0", "--confirm");
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("offset 0 replayed to comparison.pages.v1-4@0");
        List<ConsumerRecord<byte[], byte[]>> sent = records(Topics.COMPARISON_PAGES);
        assertThat(sent).hasSize(1);
        ConsumerRecord<byte[], byte[]> event = sent.get(0);
        assertThat(event.partition()).as("the partition it was consumed from").isEqualTo(4);
        assertThat(new String(event.key(), StandardCharsets.UTF_8)).isEqualTo("a-vs-b");
        assertThat(new String(event.value(), StandardCharsets.UTF_8)).isEqualTo(EVENT);
        assertThat(new String(event.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("comparison.ComparisonChanged.v1");
        assertThat(new String(event.headers().lastHeader(DeadLetterTopics.REPLAYED_FROM).value(), StandardCharsets.UTF_8))
                .isEqualTo(PAGES_DLQ + "@0");
        assertThat(event.headers().lastHeader("x-exception-stacktrace")).as("the failure stays on the dead-letter topic").isNull();

        Run again = run("replay", PAGES_DLQ, "0", "--confirm");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.out()).contains("offset 0 was replayed").contains("refused");
        assertThat(records(Topics.COMPARISON_PAGES)).as("a second replay sends nothing").hasSize(1);
        assertThat(run("list", PAGES_DLQ).out()).contains("1 dead letter, 0 not replayed").contains("to comparison.pages.v1-4@0");
        assertThat(run("replay", PAGES_DLQ, "--all").out()).contains("nothing to replay");
    }

    @Test
    void showsOneDeadLetterWhole() {
        Run show = run("show", ROUTES_DLQ, "0");

        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("reason:  unreadable: org.llmreference.contracts.UnreadableEvent: not JSON")
                .contains("event-type: pricing.RouteChanged.v1").contains("{\"type\": \"pricing.RouteChanged.v1\", \"payload\": ")
                .contains("stack trace:");
    }

    @Test
    void refusesBadArgumentsSayingWhatIsWrong() {
        assertThat(run("replay", "catalog.models.v1", "0")).satisfies(bad -> {
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.err()).contains("'catalog.models.v1' is not a dead-letter topic; they are: ").contains(PAGES_DLQ);
        });
        assertThat(run("replay", PAGES_DLQ, "x1")).satisfies(bad -> {
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.err()).contains("'x1' is not an offset");
        });
        assertThat(run("show", PAGES_DLQ, "99")).satisfies(bad -> {
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.err()).contains("there is no dead letter at offset 99 of " + PAGES_DLQ);
        });
        assertThat(run("replay", PAGES_DLQ)).satisfies(bad -> assertThat(bad.code()).isEqualTo(2));
        assertThat(run("purge").err()).contains("unknown action 'purge'");
    }

    @Test
    void saysSoWhenKafkaDoesNotAnswer() {
        Run run = runOn("127.0.0.1:1", "list", "--timeout", "2");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Kafka (127.0.0.1:1) did not answer within 2 s");
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        return runOn(broker.bootstrapServers(), args);
    }

    static Run runOn(String bootstrap, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap", bootstrap));
        int code = DeadLetterCommand.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A dead letter as the binder writes it. */
    static void deadLetter(String dlq, String source, int partition, long offset, String key, String value, String type,
            String stackTrace) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlq, 0, key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8));
            record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("x-original-topic", source.getBytes(StandardCharsets.UTF_8));
            record.headers().add("x-original-partition", ByteBuffer.allocate(4).putInt(partition).array());
            record.headers().add("x-original-offset", ByteBuffer.allocate(8).putLong(offset).array());
            record.headers().add("x-exception-message", "Dispatcher failed to deliver Message".getBytes(StandardCharsets.UTF_8));
            record.headers().add("x-exception-stacktrace", ("org.springframework.messaging.MessageDeliveryException: "
                    + "Dispatcher failed to deliver Message\n\tat somewhere\n" + stackTrace + "\n\tat elsewhere").getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            producer.flush();
        }
    }

    static List<ConsumerRecord<byte[], byte[]>> records(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            // A deadline for the whole topic, sized for a loaded 2-core machine; a partial read fails here, not later.
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                assertThat(System.nanoTime()).as("read %s within 3 min", topic).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
