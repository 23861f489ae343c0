package org.llmreference.comparison.comparisons;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

import org.apache.kafka.common.TopicPartition;
import org.llmreference.comparison.comparisons.LiveComparisonSet.Planned;
import org.llmreference.comparison.recompute.ComparisonSet;
import org.llmreference.comparison.recompute.ComparisonSet.Work;
import org.llmreference.comparison.recompute.Plan;
import org.llmreference.comparison.recompute.Publication;
import org.llmreference.contracts.PairId;
import org.llmreference.platform.outbox.DirectPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Works off a change's work in slices of {@value #SLICE} publications, each in this order:
 * <ol>
 * <li>plan it: recompute its pairs, keep those whose content changed, each at its pair's next revision;</li>
 * <li>publish its events to {@code comparison.pages.v1} and wait until Kafka acknowledged every one;</li>
 * <li>store it in MongoDB in one bulk write, then record how far the topic is stored ({@link PublishingProgress});</li>
 * <li>commit it to the set;</li>
 * </ol>
 * before the next slice is planned. A change that touches the whole catalog (a bulk import, a
 * reconciliation) so holds at most one slice of comparisons in memory, and MongoDB is not on the way
 * from an edit to its pages. If publishing fails, nothing of the slice is stored; if storing fails
 * after publishing, the events are on the topic and {@link PublishedState} stores them when the set is
 * built again. Either way the caller drops the set and the change is planned again.
 */
@Component
class SlicePublisher {

    private static final Logger log = LoggerFactory.getLogger(SlicePublisher.class);

    private static final int LOGGED_PAIRS = 10;

    /** Publications computed, stored and committed together. */
    static final int SLICE = 250;

    private final DirectPublisher publisher;
    private final Comparisons comparisons;
    private final PublishingProgress progress;
    private final Clock clock;
    private final Counter recomputed;
    private final Counter unchanged;
    private final Counter changed;
    private final Counter withdrawn;

    SlicePublisher(DirectPublisher publisher, Comparisons comparisons, PublishingProgress progress, Clock clock,
            MeterRegistry meters) {
        this.publisher = publisher;
        this.comparisons = comparisons;
        this.progress = progress;
        this.clock = clock;
        this.recomputed = Counter.builder("llmref.comparisons.recomputed").description("pairs recomputed").register(meters);
        this.unchanged = Counter.builder("llmref.comparisons.unchanged")
                .description("pairs recomputed whose content hash had not changed: nothing published").register(meters);
        this.changed = Counter.builder("llmref.comparisons.published").tag("event", "changed")
                .description("comparison events published").register(meters);
        this.withdrawn = Counter.builder("llmref.comparisons.published").tag("event", "withdrawn")
                .description("comparison events published").register(meters);
    }

    /**
     * Plans, publishes, stores and commits the work a slice at a time, logging each slice that published
     * something.
     *
     * @param state the set's lock: held while a slice is planned and while it is committed, not while it is
     *              published or stored
     * @throws RuntimeException when a slice could not be published or stored; the slices before it stay
     *         published, stored and committed
     */
    Planned publish(ComparisonSet target, Work work, Function<PairId, Cause> causes, String trigger, Cause cause,
            Lock state) {
        int recomputedPairs = 0;
        int publishedPairs = 0;
        while (!work.done()) {
            Plan slice;
            state.lock();
            try {
                slice = target.next(work, SLICE);
            } finally {
                state.unlock();
            }
            if (!slice.isEmpty()) {
                Instant at = clock.instant();
                Map<TopicPartition, Long> sent = publisher.publish(slice.publications().stream()
                        .map(publication -> ComparisonEvents.of(publication, causes.apply(publication.pair()), at))
                        .toList());
                comparisons.store(slice, causes, at);
                progress.advance(sent);
            }
            state.lock();
            try {
                target.commit(slice);
            } finally {
                state.unlock();
            }
            count(slice);
            recomputedPairs += slice.recomputed();
            publishedPairs += slice.publications().size();
            if (!slice.isEmpty()) {
                log.info("{}: {} pairs recomputed, {} published {} causedBy={}", trigger, slice.recomputed(),
                        slice.publications().size(), published(slice), cause.causedBy());
            }
        }
        return new Planned(recomputedPairs, publishedPairs);
    }

    private void count(Plan slice) {
        recomputed.increment(slice.recomputed());
        long changes = slice.publications().stream().filter(Publication.Changed.class::isInstance).count();
        changed.increment(changes);
        withdrawn.increment(slice.publications().size() - changes);
        unchanged.increment(Math.max(0, slice.recomputed() - changes));
    }

    /** The pairs a slice publishes, for the log line: the first few, then how many more. */
    private static String published(Plan plan) {
        List<Publication> publications = plan.publications();
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < publications.size() && i < LOGGED_PAIRS; i++) {
            text.append(i == 0 ? "" : ", ").append(publications.get(i).pair());
        }
        if (publications.size() > LOGGED_PAIRS) {
            text.append(", ... ").append(publications.size() - LOGGED_PAIRS).append(" more");
        }
        return text.append(']').toString();
    }
}
