package org.llmreference.comparison.comparisons;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.llmreference.comparison.instances.OwnedPartitions;
import org.llmreference.comparison.recompute.Plan;
import org.llmreference.comparison.recompute.Publication;
import org.llmreference.comparison.recompute.PublishedPair;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.UnreadableEvent;
import org.llmreference.contracts.comparison.ComparisonEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What was last published per pair, read when the comparison set is built: what is stored, plus what
 * was sent to {@value Topics#COMPARISON_PAGES} after the last stored slice ({@link PublishingProgress})
 * and never stored, because the service died, or MongoDB failed, between the send and the store.
 * Those events are read back from the topic and stored now, before anything new is published. So a
 * revision is never published twice with different content: the next publication of such a pair
 * continues from the revision on the topic, and when the computation gives what was sent, nothing is
 * published again.
 */
@Component
class PublishedState {

    private static final Logger log = LoggerFactory.getLogger(PublishedState.class);

    private static final String TOPIC = Topics.COMPARISON_PAGES;

    /** How long reading the topic's end may take before building the set fails (and is tried again later). */
    static final Duration READ_LIMIT = Duration.ofSeconds(30);

    /** Opens a consumer of the topic, assigned by hand (no group, no committed offsets). */
    @FunctionalInterface
    interface TopicReaders {
        Consumer<byte[], byte[]> open();
    }

    private final Comparisons comparisons;
    private final PublishingProgress progress;
    private final TopicReaders readers;
    private final Clock clock;

    PublishedState(Comparisons comparisons, PublishingProgress progress, TopicReaders readers, Clock clock) {
        this.comparisons = comparisons;
        this.progress = progress;
        this.readers = readers;
        this.clock = clock;
    }

    /**
     * Stores what was sent to the owned partitions but not stored, then answers what was last published
     * per pair. Partitions owned by another instance are left to it: what it sent and has not stored
     * yet, it is storing now.
     *
     * @throws RuntimeException when MongoDB or Kafka cannot be read; the caller tries again later
     */
    List<PublishedPair> load(OwnedPartitions owned) {
        Map<PairId, PublishedPair> state = new HashMap<>();
        comparisons.publishedState().forEach(pair -> state.put(pair.pair(), pair));
        Map<PairId, Sent> unstored = new LinkedHashMap<>();
        Map<TopicPartition, Long> read = readUnstored(owned, state, unstored);
        if (!unstored.isEmpty()) {
            List<Publication> publications = unstored.values().stream().map(Sent::publication).toList();
            comparisons.store(new Plan(publications, 0), pair -> unstored.get(pair).cause(), clock.instant());
            publications.forEach(publication -> state.put(publication.pair(), publication.after()));
            log.warn("{} comparison events were published but not stored (the service stopped, or MongoDB failed, "
                    + "in between); stored now from {}: {}", unstored.size(), TOPIC, unstored.keySet());
        }
        progress.advance(read);
        return new ArrayList<>(state.values());
    }

    /** An event read back from the topic, as the publication it announced. */
    private record Sent(Publication publication, Cause cause) {
    }

    /**
     * Reads the owned partitions of the topic from the stored progress to their end, keeping per pair
     * the newest event above the stored revision; answers the last offset read per partition.
     */
    private Map<TopicPartition, Long> readUnstored(OwnedPartitions owned, Map<PairId, PublishedPair> stored,
            Map<PairId, Sent> unstored) {
        Map<Integer, Long> from = progress.storedThrough();
        Map<TopicPartition, Long> read = new HashMap<>();
        try (Consumer<byte[], byte[]> consumer = readers.open()) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, READ_LIMIT).stream()
                    .filter(info -> owned.owns(info.partition()))
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_LIMIT);
            Map<TopicPartition, Long> next = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long first = from.containsKey(partition.partition()) ? from.get(partition.partition()) + 1 : 0;
                if (first < end.get(partition)) {
                    next.put(partition, first);
                }
            }
            List<TopicPartition> behind = List.copyOf(next.keySet());
            consumer.assign(behind);
            next.forEach(consumer::seek);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (behind.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + TOPIC + " to its end within " + READ_LIMIT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition)) {
                        read.merge(partition, record.offset(), Math::max);
                        keepIfUnstored(record, stored, unstored);
                    }
                }
            }
        }
        return read;
    }

    private static void keepIfUnstored(ConsumerRecord<byte[], byte[]> record, Map<PairId, PublishedPair> stored,
            Map<PairId, Sent> unstored) {
        Envelope<ComparisonEvent> event;
        try {
            event = EventCodec.decode(record.value(), ComparisonEvent.class);
        } catch (UnreadableEvent e) {
            // Not one of ours (page-service dead-letters it): nothing this service published.
            return;
        }
        PairId pair = PairId.parse(event.aggregateId());
        PublishedPair last = stored.get(pair);
        Sent newer = unstored.get(pair);
        long known = Math.max(last == null ? 0 : last.revision(), newer == null ? 0 : newer.publication().revision());
        if (event.revision() <= known) {
            return;
        }
        Publication publication = event.payload().match(
                changed -> Publication.Changed.asPublished(pair, event.revision(), changed.comparison(),
                        changed.contentHash(), changed.changedSections()),
                withdrawn -> new Publication.Withdrawn(pair, event.revision(), withdrawn.reason()));
        unstored.put(pair, new Sent(publication, Cause.of(event)));
    }
}
