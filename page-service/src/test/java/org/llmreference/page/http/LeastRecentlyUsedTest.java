package org.llmreference.page.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LeastRecentlyUsedTest {

    record Page(String id, long revision, long bytes) {
    }

    @Test
    void evictsTheLeastRecentlyUsedBeyondItsEntries() {
        LeastRecentlyUsed<String, Page> cache = new LeastRecentlyUsed<>(2, 1_000, Page::bytes);
        cache.put("a", new Page("a", 1, 10));
        cache.put("b", new Page("b", 1, 10));
        cache.get("a");

        cache.put("c", new Page("c", 1, 10));

        assertThat(cache.get("a")).isNotNull();
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("c")).isNotNull();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void evictsTheLeastRecentlyUsedBeyondItsWeight() {
        LeastRecentlyUsed<String, Page> cache = new LeastRecentlyUsed<>(100, 25, Page::bytes);
        cache.put("a", new Page("a", 1, 10));
        cache.put("b", new Page("b", 1, 10));

        cache.put("c", new Page("c", 1, 10));

        assertThat(cache.get("a")).isNull();
        assertThat(cache.weight()).isEqualTo(20);
        cache.put("huge", new Page("huge", 1, 100));
        assertThat(cache.get("huge")).as("larger than the whole budget: not kept").isNull();
        assertThat(cache.weight()).isZero();
    }

    @Test
    void aMergeKeepsWhatTheChoiceKeeps() {
        LeastRecentlyUsed<String, Page> cache = new LeastRecentlyUsed<>(10, 1_000, Page::bytes);
        cache.put("a", new Page("a", 3, 10));

        Page kept = cache.merge("a", new Page("a", 2, 50), (present, offered) -> offered.revision() > present.revision() ? offered : present);

        assertThat(kept.revision()).isEqualTo(3);
        assertThat(cache.get("a").revision()).isEqualTo(3);
        assertThat(cache.weight()).isEqualTo(10);
        cache.merge("a", new Page("a", 4, 50), (present, offered) -> offered.revision() > present.revision() ? offered : present);
        assertThat(cache.get("a").revision()).isEqualTo(4);
        assertThat(cache.weight()).isEqualTo(50);
    }

    @Test
    void readersAndWritersTogetherNeverSeeAnOlderRevisionAndKeepTheBounds() throws Exception {
        // Without evictions a key only ever moves to a newer revision; with them, the bounds hold.
        LeastRecentlyUsed<String, Page> roomy = new LeastRecentlyUsed<>(1_000, 1_000_000, Page::bytes);
        LeastRecentlyUsed<String, Page> cache = new LeastRecentlyUsed<>(50, 2_000, Page::bytes);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                Map<String, Long> seen = new HashMap<>();
                for (int i = 0; i < 20_000; i++) {
                    String key = "p" + (i % 80);
                    if (i % 4 == thread % 4) {
                        Page page = new Page(key, i, 10 + i % 30);
                        roomy.merge(key, page, (present, offered) -> offered.revision() > present.revision() ? offered : present);
                        cache.put(key, page);
                    }
                    Page bounded = cache.get(key);
                    if (bounded != null && !bounded.id().equals(key)) {
                        return false;
                    }
                    Page read = roomy.get(key);
                    if (read != null) {
                        if (!read.id().equals(key) || read.revision() < seen.getOrDefault(key, -1L)) {
                            return false;
                        }
                        seen.put(key, read.revision());
                    }
                }
                return true;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<Boolean> result : results) {
            assertThat(result.get()).as("every read the newest revision held or a newer one, of its own key").isTrue();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(50);
        assertThat(cache.weight()).isLessThanOrEqualTo(2_000).isPositive();
    }
}
