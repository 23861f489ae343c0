package org.llmreference.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.graph.PeerGraph;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.modelsdev.ModelsDevReader;
import org.llmreference.page.rendering.ComparisonPage;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.Site;

/**
 * The time page-service takes to answer a pair outside the pair graph the first time it is asked
 * (a cache miss): the engine's comparison of the two sides, the page rendered with {@code noindex}
 * and gzipped, as {@code OnDemandPairs} and {@code OnDemandAnswers} do, over random pairs of live
 * models of a models.dev checkout that are not in the graph (K = 8, seed 42), after a warm-up.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.llmreference.bench.OnDemandPairTimes &lt;models.dev checkout&gt; [pairs]</pre>
 */
public final class OnDemandPairTimes {

    private static final int WARM_UP = 300;

    private OnDemandPairTimes() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: OnDemandPairTimes <models.dev checkout> [pairs]");
            System.exit(2);
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        CatalogBundle bundle = new ModelsDevReader().read(Path.of(args[0]), line -> { });
        Map<String, List<RouteSnapshot>> priceLists = Catalogs.priceLists(bundle);
        List<ModelSnapshot> live = bundle.models().stream().filter(m -> m.status() != ModelStatus.RETIRED).toList();
        PeerGraph graph = PeerGraph.build(8, live, List.of());
        Set<PairId> inGraph = new HashSet<>(graph.livePairs());
        ComparisonEngine engine = new ComparisonEngine(EngineSettings.defaults());
        PageRenderer renderer = new PageRenderer(new Site("https://llmreference.org", "LLM Reference"));

        Random random = new Random(42);
        List<PairId> pairs = new ArrayList<>();
        while (pairs.size() < WARM_UP + count) {
            String a = live.get(random.nextInt(live.size())).id();
            String b = live.get(random.nextInt(live.size())).id();
            if (!a.equals(b) && !inGraph.contains(PairId.of(a, b))) {
                pairs.add(PairId.of(a, b));
            }
        }
        long[] bytes = new long[1];
        for (PairId pair : pairs.subList(0, WARM_UP)) {
            bytes[0] += answer(engine, renderer, bundle, priceLists, graph, pair);
        }
        List<Long> nanos = new ArrayList<>();
        for (PairId pair : pairs.subList(WARM_UP, pairs.size())) {
            long start = System.nanoTime();
            bytes[0] += answer(engine, renderer, bundle, priceLists, graph, pair);
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        System.out.printf(Locale.ROOT, "%d live models, %d pairs in the graph; %d random pairs outside it, after %d warm-up:"
                + " p50 %.2f ms, p99 %.2f ms, max %.2f ms (checksum %d)%n", live.size(), inGraph.size(), count, WARM_UP,
                ms(at(nanos, 0.5)), ms(at(nanos, 0.99)), ms(nanos.get(nanos.size() - 1)), bytes[0]);
    }

    /** Computes, renders and gzips one pair's page; returns its gzip size. */
    private static int answer(ComparisonEngine engine, PageRenderer renderer, CatalogBundle bundle,
            Map<String, List<RouteSnapshot>> priceLists, PeerGraph graph, PairId pair) {
        // "Continue comparing": stored live pages of either side, at most 6.
        List<RelatedPair> related = new ArrayList<>();
        for (PairId other : graph.livePairs()) {
            if (related.size() == 6) {
                break;
            }
            if (other.contains(pair.a()) || other.contains(pair.b())) {
                related.add(new RelatedPair(other.toString(), other.a() + " vs " + other.b()));
            }
        }
        Comparison comparison = engine.compare(Catalogs.side(bundle, priceLists, pair.a()),
                Catalogs.side(bundle, priceLists, pair.b()), related);
        Instant at = Instant.now();
        byte[] html = renderer.comparison(new ComparisonPage(comparison, 1, at, at, List.of(), null, true))
                .getBytes(StandardCharsets.UTF_8);
        return RenderBenchmark.gzipped(html);
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
