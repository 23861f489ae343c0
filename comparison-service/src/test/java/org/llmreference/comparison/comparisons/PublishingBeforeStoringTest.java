package org.llmreference.comparison.comparisons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.testsupport.Fixtures.aRoute;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.comparison.instances.OwnedPartitions;
import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.recompute.ComparisonSet.SourceChange;
import org.llmreference.comparison.recompute.Plan;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.contracts.comparison.ComparisonEvent;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Each slice of comparisons is published first, stored once Kafka acknowledged it, then committed. A
 * send that fails leaves nothing stored and the change is planned again; a store that fails after the
 * send (or a crash in between) is made good from the topic, so a revision is never published twice
 * with different content. Comparison sets of their own ("the service", started and stopped as a
 * process would be) over a database of their own and a topic in memory.
 */
@WithInfrastructure
class PublishingBeforeStoringTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ComparisonEngine ENGINE = new ComparisonEngine(EngineSettings.defaults());
    static final ComparisonSettings SETTINGS = new ComparisonSettings(8,
            new ComparisonSettings.Traffic("default", 1_000_000, 800, 250, BigDecimal.ZERO, BigDecimal.ZERO, false),
            List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L));
    static final String REPRICED = "model-a";

    final Facts facts = new Facts();
    final ComparisonTopicStandIn topic = new ComparisonTopicStandIn();
    final List<Service> started = new ArrayList<>();
    MongoClient client;
    MongoDatabase database;

    @BeforeEach
    void openADatabaseOfItsOwn(TestInfrastructure infrastructure) {
        client = MongoClients.create(infrastructure.mongoUri());
        database = client.getDatabase("publishing-" + System.nanoTime());
        for (String id : List.of(REPRICED, "model-b", "model-c")) {
            facts.models.put(id, Models.aModel(id));
            facts.prices.put(id, List.of(aRoute("groq").priced("0.10", "0.50").build()));
        }
    }

    @AfterEach
    void stopAndDrop() throws InterruptedException {
        for (Service service : started) {
            service.stop();
        }
        database.drop();
        client.close();
    }

    @Test
    void aSendThatFailsStoresNothingAndTheChangeIsPublishedOnceKafkaIsBack() {
        Service service = start(new Comparisons(database));
        Set<PairId> repricedPairs = service.pairsOf(REPRICED);
        assertThat(repricedPairs).isNotEmpty().allSatisfy(pair -> assertThat(storedRevision(pair)).isEqualTo(1));

        topic.unreachable.set(true);
        service.reprice("0.20", "0.80");
        await().atMost(WAIT).until(() -> topic.refused.get() > 0);

        assertThat(repricedPairs).allSatisfy(pair -> assertThat(storedRevision(pair)).as("stored %s", pair).isEqualTo(1));
        assertThat(revisionsOnTopic()).allSatisfy((pair, revisions) -> assertThat(revisions).containsExactly(1L));

        topic.unreachable.set(false);
        await().atMost(WAIT).untilAsserted(() -> assertThat(repricedPairs)
                .allSatisfy(pair -> assertThat(storedRevision(pair)).isEqualTo(2)));
        assertEachPublishedOnceAndStoredAsPublished(repricedPairs, 2);
    }

    @Test
    void aStoreThatFailsAfterTheSendIsTakenFromTheTopicAndNotPublishedAgain() {
        AtomicBoolean failNextStore = new AtomicBoolean();
        Service service = start(new Comparisons(database) {
            @Override
            public void store(Plan plan, Function<PairId, Cause> causes, Instant at) {
                if (failNextStore.getAndSet(false)) {
                    throw new IllegalStateException("MongoDB went away");
                }
                super.store(plan, causes, at);
            }
        });
        Set<PairId> repricedPairs = service.pairsOf(REPRICED);

        failNextStore.set(true);
        service.reprice("0.20", "0.80");

        await().atMost(WAIT).untilAsserted(() -> assertThat(repricedPairs)
                .allSatisfy(pair -> assertThat(storedRevision(pair)).isEqualTo(2)));
        assertThat(failNextStore).as("the store failed once").isFalse();
        assertEachPublishedOnceAndStoredAsPublished(repricedPairs, 2);
    }

    @Test
    void afterACrashBetweenSendAndStoreTheNextStartPublishesANewerSourceAtTheNextRevision() throws Exception {
        AtomicBoolean mongoDown = new AtomicBoolean();
        Service crashing = start(new Comparisons(database) {
            @Override
            public void store(Plan plan, Function<PairId, Cause> causes, Instant at) {
                if (mongoDown.get()) {
                    throw new IllegalStateException("MongoDB went away");
                }
                super.store(plan, causes, at);
            }
        });
        Set<PairId> repricedPairs = crashing.pairsOf(REPRICED);
        mongoDown.set(true);
        crashing.reprice("0.20", "0.80");
        await().atMost(WAIT).until(() -> repricedPairs.stream().allMatch(pair -> revisionsOnTopic().get(pair).contains(2L)));
        crashing.stop();
        // While the service was down, the model was repriced again: its projection holds the newer prices.
        facts.prices.put(REPRICED, List.of(aRoute("groq").priced("0.30", "0.90").build()));

        Service restarted = start(new Comparisons(database));

        assertThat(restarted.pairsOf(REPRICED)).isEqualTo(repricedPairs);
        assertEachPublishedOnceAndStoredAsPublished(repricedPairs, 3);
        Map<PairId, List<Envelope<ComparisonEvent>>> events = eventsOnTopic();
        assertThat(repricedPairs).allSatisfy(pair -> assertThat(contentHash(events.get(pair).get(2)))
                .as("revision 3 of %s shows the newer prices", pair).isNotEqualTo(contentHash(events.get(pair).get(1))));
    }

    @Test
    void aChangeStoredInTheProjectionButNeverSentIsPublishedAtTheNextStart() throws Exception {
        Service first = start(new Comparisons(database));
        Set<PairId> repricedPairs = first.pairsOf(REPRICED);
        first.stop();
        facts.prices.put(REPRICED, List.of(aRoute("groq").priced("0.20", "0.80").build()));

        start(new Comparisons(database)).pairsOf(REPRICED);

        assertEachPublishedOnceAndStoredAsPublished(repricedPairs, 2);
    }

    /** Every revision of the pairs, 1 to {@code last}, is on the topic exactly once, and the last is what is stored. */
    private void assertEachPublishedOnceAndStoredAsPublished(Set<PairId> pairs, long last) {
        Map<PairId, List<Envelope<ComparisonEvent>>> events = eventsOnTopic();
        List<Long> expected = new ArrayList<>();
        for (long revision = 1; revision <= last; revision++) {
            expected.add(revision);
        }
        assertThat(pairs).allSatisfy(pair -> {
            assertThat(events.get(pair).stream().map(Envelope::revision).toList()).as("revisions of %s on the topic", pair)
                    .isEqualTo(expected);
            StoredComparison stored = new Comparisons(database).find(pair).orElseThrow();
            assertThat(stored.revision()).as("stored revision of %s", pair).isEqualTo(last);
            assertThat(stored.contentHash()).as("stored content of %s", pair)
                    .isEqualTo(contentHash(events.get(pair).get((int) last - 1)));
        });
        assertThat(events).as("pairs of other models are published once").allSatisfy((pair, published) -> {
            if (!pairs.contains(pair)) {
                assertThat(published).hasSize(1);
            }
        });
    }

    private static String contentHash(Envelope<ComparisonEvent> event) {
        return ((ComparisonChanged) event.payload()).contentHash();
    }

    private long storedRevision(PairId pair) {
        return new Comparisons(database).find(pair).map(StoredComparison::revision).orElse(0L);
    }

    private Map<PairId, List<Envelope<ComparisonEvent>>> eventsOnTopic() {
        Map<PairId, List<Envelope<ComparisonEvent>>> events = new TreeMap<>(Comparator.comparing(PairId::toString));
        for (Envelope<ComparisonEvent> event : topic.events()) {
            events.computeIfAbsent(PairId.parse(event.aggregateId()), pair -> new ArrayList<>()).add(event);
        }
        return events;
    }

    private Map<PairId, List<Long>> revisionsOnTopic() {
        Map<PairId, List<Long>> revisions = new HashMap<>();
        eventsOnTopic().forEach((pair, events) -> revisions.put(pair, events.stream().map(Envelope::revision).toList()));
        return revisions;
    }

    private Service start(Comparisons comparisons) {
        Service service = new Service(comparisons);
        started.add(service);
        return service;
    }

    /** One run of the service's publishing path: its comparison set and its planner. */
    private final class Service {

        final LiveComparisonSet set;
        final SourceChangeQueue queue;
        boolean stopped;

        Service(Comparisons comparisons) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            PublishingProgress progress = new PublishingProgress(database);
            Clock clock = Clock.systemUTC();
            set = new LiveComparisonSet(ENGINE, SETTINGS, facts, List::of,
                    new PublishedState(comparisons, progress, topic.readers(), clock),
                    new SlicePublisher(topic.publisher(), comparisons, progress, clock, meters), OwnedPartitions.everything(),
                    clock, meters);
            queue = new SourceChangeQueue(set, meters);
        }

        /** The pairs of a model; the first read loads the set and reconciles it. */
        Set<PairId> pairsOf(String model) {
            return set.read(current -> Set.copyOf(current.graph().pairsOf(model)));
        }

        /** An edit of the repriced model's route, stored in its projection, then submitted as the listener does. */
        void reprice(String input, String output) {
            List<RouteSnapshot> routes = List.of(aRoute("groq").priced(input, output).build());
            facts.prices.put(REPRICED, routes);
            queue.submit(new SourceChange.Prices(REPRICED, routes),
                    Cause.startingNow(Instant.now(), "pricing.RouteChanged.v1"));
        }

        void stop() throws InterruptedException {
            if (!stopped) {
                stopped = true;
                queue.stop();
            }
        }
    }

    /** The projections, in memory. */
    static final class Facts implements Sources {

        final Map<String, ModelSnapshot> models = new HashMap<>();
        final Map<String, List<RouteSnapshot>> prices = new HashMap<>();

        @Override
        public List<ModelSnapshot> allModels() {
            return List.copyOf(models.values());
        }

        @Override
        public Map<String, List<RouteSnapshot>> allPriceLists() {
            return Map.copyOf(prices);
        }
    }
}
