package org.llmreference.page.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DirectoryQueryTest {

    @Test
    void readsAShareableQueryAndWritesItBackInOneCanonicalOrder() {
        DirectoryQuery.Reading reading = DirectoryQuery.read(
                Map.of("page", "2", "order", "asc", "sort", "output", "tool_use", "yes", "utm_source", "x"));

        assertThat(reading.valid()).isTrue();
        assertThat(reading.query().queryString()).isEqualTo("?tool_use=yes&sort=output&order=asc&page=2");
    }

    @Test
    void theDefaultQueryHasNoParameters() {
        assertThat(DirectoryQuery.read(Map.of()).query().queryString()).isEmpty();
        assertThat(DirectoryQuery.read(Map.of("sort", "name", "order", "asc", "page", "1", "vendor", " "))
                .query().queryString()).isEmpty();
    }

    @Test
    void encodesValuesInLinks() {
        DirectoryQuery query = DirectoryQuery.read(Map.of("vendor", "A&B \"x\"")).query();

        assertThat(query.queryString()).isEqualTo("?vendor=A%26B+%22x%22");
    }

    @Test
    void saysWhatIsWrongWithEachBadParameter() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("min_context", "lots");
        bad.put("max_output", "-1");
        bad.put("max_input", "cheap");
        bad.put("tool_use", "maybe");
        bad.put("released_from", "2025-13-01");
        bad.put("status", "retired");
        bad.put("sort", "price");
        bad.put("order", "up");
        bad.put("page", "0");

        DirectoryQuery.Reading reading = DirectoryQuery.read(bad);

        assertThat(reading.valid()).isFalse();
        assertThat(reading.errors()).containsOnlyKeys(bad.keySet());
        assertThat(reading.errors().get("min_context")).contains("whole number").contains("lots");
        assertThat(reading.errors().get("tool_use")).isEqualTo("tool_use must be yes, no or any, not “maybe”.");
        assertThat(reading.errors().get("sort")).contains("output").contains("price");
        assertThat(reading.errors().get("page")).isEqualTo("page must be 1 or more.");
    }

    @Test
    void refusesAReleaseRangeThatEndsBeforeItStarts() {
        DirectoryQuery.Reading reading = DirectoryQuery.read(Map.of("released_from", "2025-06-01", "released_to",
                "2025-01-01"));

        assertThat(reading.errors()).containsOnlyKeys("released_to");
    }

    @Test
    void refusesAnOverlongOrHugeValue() {
        assertThat(DirectoryQuery.read(Map.of("vendor", "x".repeat(101))).errors()).containsOnlyKeys("vendor");
        assertThat(DirectoryQuery.read(Map.of("page", "99999999999")).errors()).containsOnlyKeys("page");
        assertThat(DirectoryQuery.read(Map.of("max_input", "1e9")).errors()).containsOnlyKeys("max_input");
    }

    @Test
    void sortingByAColumnStartsAtTheFirstPage() {
        DirectoryQuery query = DirectoryQuery.read(Map.of("page", "3")).query().sortedBy(DirectorySort.CONTEXT, true);

        assertThat(query.queryString()).isEqualTo("?sort=context&order=desc");
    }
}
