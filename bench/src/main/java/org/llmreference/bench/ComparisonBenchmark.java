package org.llmreference.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.demo.DemoCatalog;
import org.llmreference.importing.modelsdev.ModelsDevReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time of one {@link ComparisonEngine#compare} call: every section of one comparison page,
 * without the content hash and without the "Continue comparing" links (an empty related list).
 *
 * <ul>
 * <li>{@code goldenPair}: the demo catalog's golden page, gpt-oss-20b vs qwen3.5-4b;</li>
 * <li>{@code busiestRealPair}: the two models with the most routes of a models.dev checkout given as
 * {@code -p modelsDev=<path>}; without it, the two demo models with the most routes.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class ComparisonBenchmark {

    /** The golden page of the demo catalog. */
    @State(Scope.Benchmark)
    public static class Golden {

        ComparisonEngine engine;
        Side x;
        Side y;
        List<RelatedPair> related;

        @Setup
        public void prepare() {
            CatalogBundle demo = DemoCatalog.load();
            Map<String, List<RouteSnapshot>> priceLists = Catalogs.priceLists(demo);
            engine = new ComparisonEngine(EngineSettings.defaults());
            x = Catalogs.side(demo, priceLists, "gpt-oss-20b");
            y = Catalogs.side(demo, priceLists, "qwen3.5-4b");
            related = List.of();
        }
    }

    /** The pair of the two models with the most routes, from a models.dev checkout or else the demo catalog. */
    @State(Scope.Benchmark)
    public static class Busiest {

        /** A models.dev checkout; empty means the demo catalog. */
        @Param({""})
        public String modelsDev;

        ComparisonEngine engine;
        Side x;
        Side y;
        List<RelatedPair> related;

        @Setup
        public void prepare() {
            CatalogBundle bundle;
            if (modelsDev == null || modelsDev.isBlank()) {
                System.out.println("busiestRealPair: no models.dev checkout given (-p modelsDev=<path>);"
                        + " benchmarking the two demo models with the most routes instead");
                bundle = DemoCatalog.load();
            } else {
                Path root = Path.of(modelsDev);
                if (!Files.isDirectory(root)) {
                    throw new IllegalArgumentException("modelsDev=" + modelsDev + " is not a directory");
                }
                bundle = new ModelsDevReader().read(root, line -> { });
            }
            Map<String, List<RouteSnapshot>> priceLists = Catalogs.priceLists(bundle);
            List<String> busiest = Catalogs.twoWithMostRoutes(bundle, priceLists);
            engine = new ComparisonEngine(EngineSettings.defaults());
            x = Catalogs.side(bundle, priceLists, busiest.get(0));
            y = Catalogs.side(bundle, priceLists, busiest.get(1));
            related = List.of();
            System.out.println("busiestRealPair: " + x.id() + " (" + x.routes().size() + " routes) vs "
                    + y.id() + " (" + y.routes().size() + " routes), of " + bundle.models().size() + " models");
        }
    }

    @Benchmark
    public Comparison goldenPair(Golden state) {
        return state.engine.compare(state.x, state.y, state.related);
    }

    @Benchmark
    public Comparison busiestRealPair(Busiest state) {
        return state.engine.compare(state.x, state.y, state.related);
    }
}
