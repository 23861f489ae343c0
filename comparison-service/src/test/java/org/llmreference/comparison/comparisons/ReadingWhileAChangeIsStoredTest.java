package org.llmreference.comparison.comparisons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.testsupport.Fixtures.aModel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.llmreference.comparison.instances.OwnedPartitions;
import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.contracts.PairId;
import org.llmreference.comparison.pairs.CuratedPairs;
import org.llmreference.comparison.recompute.ComparisonSet.SourceChange;
import org.llmreference.comparison.recompute.Plan;
import org.llmreference.comparison.sources.SourceProjections;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A change that publishes hundreds of comparisons is stored a slice at a time; readers of the set
 * (the pairs API) are answered while a slice is being written, instead of waiting for the whole change.
 * A comparison set of its own over the service's projections stores into a database of its own, and its
 * first big slice is held in the middle of its write.
 */
@WithInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReadingWhileAChangeIsStoredTest {

    private static final int TWINS = 80;

    @Autowired
    ComparisonEngine engine;

    @Autowired
    ComparisonSettings settings;

    @Autowired
    SourceProjections sources;

    @Autowired
    CuratedPairs curatedPairs;

    @Autowired
    MongoClient client;

    @Test
    void thePairsOfAModelCanBeReadWhileABigChangeIsBeingStored() throws Exception {
        String family = "slices-" + System.nanoTime();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        AtomicInteger storedSlices = new AtomicInteger();
        var database = client.getDatabase("publisher-slices-" + System.nanoTime());
        ComparisonTopicStandIn topic = new ComparisonTopicStandIn();
        Comparisons heldOnce = new Comparisons(database) {
            @Override
            public void store(Plan plan, Function<PairId, Cause> causes, Instant at) {
                if (armed.get() && plan.publications().size() == SlicePublisher.SLICE && writing.getCount() > 0) {
                    writing.countDown();
                    awaitQuietly(release);
                }
                super.store(plan, causes, at);
                storedSlices.incrementAndGet();
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PublishingProgress progress = new PublishingProgress(database);
        LiveComparisonSet comparisons = new LiveComparisonSet(engine, settings, sources, curatedPairs,
                new PublishedState(heldOnce, progress, topic.readers(), Clock.systemUTC()),
                new SlicePublisher(topic.publisher(), heldOnce, progress, Clock.systemUTC(), meters),
                OwnedPartitions.everything(), Clock.systemUTC(), meters);
        SourceChangeQueue queue = new SourceChangeQueue(comparisons, meters);
        try {
            // The first read loads the set (and reconciles the service's catalog into this database).
            comparisons.read(set -> set.graph().livePairs().size());
            int slicesBefore = storedSlices.get();
            armed.set(true);
            for (int i = 0; i < TWINS; i++) {
                queue.submit(new SourceChange.Model(twin(family, i)), Cause.startingNow(Instant.now(), "test"));
            }
            assertThat(writing.await(60, TimeUnit.SECONDS)).as("a full slice of the change is being written").isTrue();

            CompletableFuture<Integer> pairs = CompletableFuture
                    .supplyAsync(() -> comparisons.read(set -> set.graph().pairsOf(family + "-0").size()));
            assertThat(pairs.get(10, TimeUnit.SECONDS)).as("pairs of a model read while a slice is written").isPositive();

            release.countDown();
            long familyPairs = comparisons.read(set -> set.graph().livePairs().stream()
                    .filter(pair -> pair.a().startsWith(family)).count());
            assertThat(familyPairs).isGreaterThan(SlicePublisher.SLICE);
            await().atMost(Duration.ofSeconds(60)).until(() -> database.getCollection("comparisons")
                    .countDocuments(Filters.regex("_id", "^" + family)) == familyPairs);
            assertThat(storedSlices.get() - slicesBefore).as("the change took several slices").isGreaterThan(1);
        } finally {
            release.countDown();
            queue.stop();
            database.drop();
        }
    }

    private static ModelSnapshot twin(String family, int i) {
        return aModel(family + "-" + i).named(family + " twin " + i).fromVendor(family + " lab").ofFamily(family)
                .releasedOn("2026-01-01").withContextWindow(131_072).withParameters("8").withLicense("MIT")
                .withOpenWeights(true).textOnly()
                .withCapabilities(new Capabilities(false, false, true, true, true, true, false, false, false, false))
                .withStatus(ModelStatus.ACTIVE).build();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
