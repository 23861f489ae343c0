package org.llmreference.comparison.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.llmreference.contracts.catalog.Benchmark;
import org.llmreference.contracts.catalog.ModelSnapshot;

/**
 * The benchmark results both models have: only a shared row compares like with like. Names match
 * whatever their case ("MMLU" and "mmlu"); a row takes model A's spelling and order, and each
 * model's first result under a name.
 */
record SharedBenchmarks(List<Row> rows) {

    record Row(String label, Benchmark a, Benchmark b) {
    }

    SharedBenchmarks {
        rows = List.copyOf(rows);
    }

    static SharedBenchmarks of(ModelSnapshot a, ModelSnapshot b) {
        Map<String, Benchmark> resultsOfB = byName(b);
        List<Row> rows = new ArrayList<>();
        for (Benchmark result : byName(a).values()) {
            Benchmark other = resultsOfB.get(key(result));
            if (other != null) {
                rows.add(new Row(result.name(), result, other));
            }
        }
        return new SharedBenchmarks(rows);
    }

    int count() {
        return rows.size();
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Results with a name and a score, the first per name, in catalog order. */
    private static Map<String, Benchmark> byName(ModelSnapshot model) {
        Map<String, Benchmark> results = new LinkedHashMap<>();
        for (Benchmark result : model.benchmarks()) {
            if (result != null && Models.blankToNull(result.name()) != null && result.score() != null) {
                results.putIfAbsent(key(result), result);
            }
        }
        return results;
    }

    private static String key(Benchmark result) {
        return result.name().trim().toLowerCase(Locale.ROOT);
    }
}
