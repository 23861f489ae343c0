package org.llmreference.page.http;

import static org.assertj.core.api.Assertions.assertThat;

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
}
