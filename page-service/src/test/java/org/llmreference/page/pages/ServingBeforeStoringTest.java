package org.llmreference.page.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.llmreference.page.DemoComparisons.changed;
import static org.llmreference.page.DemoComparisons.compare;
import static org.llmreference.page.DemoComparisons.repriced;
import static org.llmreference.page.DemoComparisons.side;
import static org.llmreference.page.DemoComparisons.uniqueTag;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.contracts.comparison.ComparisonEvent;
import org.llmreference.page.PageSettings;
import org.llmreference.page.comparisons.Comparisons;
import org.llmreference.page.comparisons.ComparisonsOn;
import org.llmreference.page.reach.PagesReachedOn;
import org.llmreference.page.rendering.PageChange;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.Site;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;
import org.springframework.util.unit.DataSize;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The order of the hot path: a comparison event's page is served as soon as it is rendered, before
 * anything is stored; its record is acknowledged (its Kafka offset may be committed) only once the
 * comparison and the page are stored; a store MongoDB refuses is tried again without acknowledging,
 * and meanwhile no visitor gets an older page than one already served. On the wire server, with a
 * page store whose bulk write can be held or made to fail.
 */
@WithInfrastructure
class ServingBeforeStoringTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    MongoClient client;
    MongoDatabase database;
    GatedPages pages;
    Comparisons comparisons;
    PageCache cache;
    PageIndex index;
    WriteBehind writeBehind;
    PageRegeneration regeneration;

    @BeforeEach
    void startOnADatabaseOfItsOwn(TestInfrastructure infrastructure) {
        client = MongoClients.create(infrastructure.mongoUri());
        database = client.getDatabase("write-behind-" + uniqueTag());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        pages = new GatedPages(database);
        comparisons = ComparisonsOn.database(database);
        // a cache of one page: reading any other page evicts the one before
        PageSettings settings = new PageSettings("http://localhost:8080", "LLM Reference", 1, DataSize.ofMegabytes(24),
                new PageSettings.Audit("page-service", "comparison-service", Duration.ofSeconds(1), 1000, Duration.ZERO),
                DataSize.ofMegabytes(1));
        cache = new PageCache(pages, settings, meters);
        index = new PageIndex(pages, meters);
        writeBehind = new WriteBehind(comparisons, pages, cache, index, PagesReachedOn.database(database), meters);
        regeneration = new PageRegeneration(comparisons, writeBehind, cache, index,
                new PageRenderer(new Site(settings.baseUrl(), settings.siteName())), Clock.systemUTC(), meters);
    }

    @AfterEach
    void close() throws InterruptedException {
        pages.open();
        writeBehind.stop();
        client.close();
    }

    @Test
    void servesEachPageBeforeItIsStoredAndAcknowledgesItsRecordOnlyOnceStored() {
        String tag = uniqueTag();
        Envelope<ComparisonChanged> first = changed(compare(side("gpt-oss-20b", tag), side("qwen3.5-4b", tag)), 1, List.of());
        Envelope<ComparisonChanged> second = changed(compare(side("o3-mini", tag), side("gpt-4.1-mini", tag)), 1, List.of());
        CountDownLatch acknowledged = new CountDownLatch(2);
        pages.close();

        assertThat(apply(first, acknowledged::countDown)).isEqualTo(Outcome.APPLIED);
        assertThat(apply(second, acknowledged::countDown)).isEqualTo(Outcome.APPLIED);
        await().atMost(WAIT).until(pages::waiting);

        for (Envelope<ComparisonChanged> event : List.of(first, second)) {
            assertThat(cache.get(event.aggregateId())).hasValueSatisfying(served -> {
                assertThat(served.page().revision()).isEqualTo(1);
                assertThat(served.html()).contains(event.payload().comparison().title());
            });
            assertThat(index.find(event.aggregateId())).hasValueSatisfying(page -> assertThat(page.revision()).isEqualTo(1));
            assertThat(comparisons.find(event.aggregateId())).as("the comparison is read from memory")
                    .hasValueSatisfying(comparison -> assertThat(comparison.revision()).isEqualTo(1));
            assertThat(pages.find(event.aggregateId())).as("served, not stored yet").isEmpty();
        }
        assertThat(acknowledged.getCount()).as("no record is acknowledged before its page is stored").isEqualTo(2);

        pages.open();
        await().atMost(WAIT).until(() -> acknowledged.getCount() == 0);
        for (Envelope<ComparisonChanged> event : List.of(first, second)) {
            assertThat(pages.find(event.aggregateId()).orElseThrow().page().revision()).isEqualTo(1);
        }
        assertThat(comparisons.unstored()).as("both comparisons stored").isZero();
    }

    @Test
    void aRefusedStoreIsTriedAgainWithoutAcknowledgingAndAnOlderPageIsNeverServedMeanwhile() {
        String tag = uniqueTag();
        Side a = side("claude-sonnet-4-5", tag);
        Side b = side("claude-haiku-4-5", tag);
        Envelope<ComparisonChanged> rev1 = changed(compare(a, b), 1, List.of());
        Envelope<ComparisonChanged> other = changed(compare(a, side("gpt-4o", tag)), 1, List.of());
        Envelope<ComparisonChanged> rev2 = changed(compare(repriced(a, "2"), b), 2, List.of("pricing", "monthlyCost"));
        String pairId = rev1.aggregateId();
        CountDownLatch firstStored = new CountDownLatch(2);
        apply(rev1, firstStored::countDown);
        apply(other, firstStored::countDown);
        await().atMost(WAIT).until(() -> firstStored.getCount() == 0);

        pages.failNext(2);
        pages.close();
        CountDownLatch acknowledged = new CountDownLatch(1);
        apply(rev2, acknowledged::countDown);
        await().atMost(WAIT).until(pages::waiting);

        assertThat(pages.find(pairId).orElseThrow().page().revision()).as("stored").isEqualTo(1);
        assertThat(cache.get(pairId).orElseThrow().page().revision()).as("served").isEqualTo(2);
        cache.get(other.aggregateId());
        assertThat(cache.held(pairId)).as("evicted by the other page").isEmpty();
        assertThat(cache.get(pairId).orElseThrow().page().revision()).as("still the newer page, not the stored one")
                .isEqualTo(2);

        pages.open();
        await().atMost(WAIT).until(() -> pages.refused() == 2 && pages.find(pairId).orElseThrow().page().revision() == 2);
        await().atMost(WAIT).until(() -> acknowledged.getCount() == 0);

        ServedPage stored = pages.find(pairId).orElseThrow();
        assertThat(stored.page().changes()).extracting(PageChange::revision).containsExactly(2L, 1L);
        assertThat(stored.html()).isEqualTo(cache.get(pairId).orElseThrow().html());
        assertThat(comparisons.find(pairId).orElseThrow().revision()).isEqualTo(2);
        assertThat(comparisons.unstored()).isZero();
    }

    @Test
    void anEventTheServedPageAlreadyHasIsAcknowledgedOnlyAfterWhatWasServedBeforeIsStored() {
        String tag = uniqueTag();
        Envelope<ComparisonChanged> event = changed(compare(side("gemini-2.5-flash", tag), side("deepseek-v3.2", tag)), 1,
                List.of());
        pages.close();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch redelivered = new CountDownLatch(1);
        apply(event, first::countDown);
        await().atMost(WAIT).until(pages::waiting);

        assertThat(apply(event, redelivered::countDown)).isEqualTo(Outcome.STALE);
        assertThat(redelivered.getCount()).as("the redelivery waits for the store too").isEqualTo(1);

        pages.open();
        await().atMost(WAIT).until(() -> first.getCount() == 0 && redelivered.getCount() == 0);
        assertThat(pages.find(event.aggregateId()).orElseThrow().page().revision()).isEqualTo(1);
    }

    @Test
    void whatChangedComesFromWhatThePreviousEventLeftInMemoryNotFromTheStore() {
        String tag = uniqueTag();
        Side a = side("gpt-oss-20b", tag);
        Side b = side("qwen3.5-4b", tag);
        Envelope<ComparisonChanged> rev1 = changed(compare(a, b), 1, List.of());
        Envelope<ComparisonChanged> rev2 = changed(compare(repriced(a, "2"), b), 2, List.of("pricing", "monthlyCost"));
        CountDownLatch stored = new CountDownLatch(1);
        apply(rev1, stored::countDown);
        await().atMost(WAIT).until(() -> stored.getCount() == 0);
        database.getCollection("comparisons").drop();

        apply(rev2, () -> { });

        PageChange latest = cache.get(rev2.aggregateId()).orElseThrow().page().changes().get(0);
        assertThat(latest.revision()).isEqualTo(2);
        assertThat(latest.text()).as("the old and new prices, though the stored comparison is gone")
                .contains(a.model().name() + ":").contains(" → ");
    }

    /** Applies a change as the binding hands it over: as a comparison event. */
    @SuppressWarnings("unchecked")
    private Outcome apply(Envelope<ComparisonChanged> event, Runnable acknowledge) {
        return regeneration.apply((Envelope<ComparisonEvent>) (Envelope<?>) event, acknowledge);
    }

    /** The page store, whose bulk write can be held at a gate or made to fail. */
    static final class GatedPages extends Pages {

        private volatile CountDownLatch gate = new CountDownLatch(0);
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private volatile boolean waiting;

        GatedPages(MongoDatabase database) {
            super(database);
        }

        void close() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        void failNext(int times) {
            failuresLeft.set(times);
        }

        boolean waiting() {
            return waiting;
        }

        int refused() {
            return refused.get();
        }

        @Override
        Set<String> storeAll(Collection<ServedPage> served, Collection<WriteBehind.Advance> advances) {
            waiting = true;
            try {
                if (!gate.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new AssertionError("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                waiting = false;
            }
            if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                refused.incrementAndGet();
                throw new IllegalStateException("MongoDB refused the bulk write (as the test asked)");
            }
            return super.storeAll(served, advances);
        }
    }
}
