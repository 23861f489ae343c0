package org.llmreference.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.graph.PeerGraph;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.modelsdev.ModelsDevReader;
import org.llmreference.page.rendering.ComparisonPage;
import org.llmreference.page.rendering.PageChange;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.Site;

/**
 * The size of comparison pages with their route tables and cost calculator, at a models.dev
 * checkout: the pair of the two models with the most routes (the largest tables), and a sample of
 * live pairs (K = 8, seed 42), each rendered as page-service renders it (8 related pairs, 3
 * changes) and gzipped as page-service stores it.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.llmreference.bench.RouteTablePageSizes &lt;models.dev checkout&gt; [sample]</pre>
 */
public final class RouteTablePageSizes {

    private RouteTablePageSizes() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: RouteTablePageSizes <models.dev checkout> [sample size]");
            System.exit(2);
        }
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        CatalogBundle bundle = new ModelsDevReader().read(Path.of(args[0]), line -> { });
        Map<String, List<RouteSnapshot>> priceLists = Catalogs.priceLists(bundle);
        ComparisonEngine engine = new ComparisonEngine(EngineSettings.defaults());
        PeerGraph graph = PeerGraph.build(8, bundle.models().stream().filter(m -> m.status() != ModelStatus.RETIRED)
                .toList(), List.of());
        PageRenderer renderer = new PageRenderer(new Site("https://llmreference.org", "LLM Reference"));

        List<String> busiest = Catalogs.twoWithMostRoutes(bundle, priceLists);
        PairId busiestPair = PairId.of(busiest.get(0), busiest.get(1));
        int[] size = render(engine, renderer, graph, bundle, priceLists, busiestPair);
        System.out.println("Busiest pair " + busiestPair + " (" + size[2] + " routes): " + kb(size[0]) + " HTML, "
                + kb(size[1]) + " gzipped; without the route tables and calculator " + kb(size[4]) + " gzipped");

        List<PairId> live = new ArrayList<>(graph.livePairs());
        live.sort(Comparator.comparing(PairId::toString));
        Collections.shuffle(live, new Random(42));
        List<Integer> gzipped = new ArrayList<>();
        List<Integer> plain = new ArrayList<>();
        List<Integer> without = new ArrayList<>();
        for (PairId pair : live.subList(0, Math.min(sample, live.size()))) {
            int[] s = render(engine, renderer, graph, bundle, priceLists, pair);
            plain.add(s[0]);
            gzipped.add(s[1]);
            without.add(s[4]);
        }
        Collections.sort(gzipped);
        Collections.sort(plain);
        Collections.sort(without);
        System.out.println("Same pages without the route tables and calculator: gzipped median " + kb(at(without, 0.5))
                + ", max " + kb(without.get(without.size() - 1)));
        System.out.println(gzipped.size() + " of " + live.size() + " live pairs: gzipped median " + kb(at(gzipped, 0.5))
                + ", p99 " + kb(at(gzipped, 0.99)) + ", max " + kb(gzipped.get(gzipped.size() - 1)) + "; HTML median "
                + kb(at(plain, 0.5)) + ", max " + kb(plain.get(plain.size() - 1)));
    }

    /** HTML bytes, gzipped bytes, routes of both sides, and the page without route tables: HTML, gzipped. */
    private static int[] render(ComparisonEngine engine, PageRenderer renderer, PeerGraph graph, CatalogBundle bundle,
            Map<String, List<RouteSnapshot>> priceLists, PairId pair) {
        List<RelatedPair> related = graph.related(pair, 8).stream()
                .map(other -> new RelatedPair(other.toString(), other.a() + " vs " + other.b())).toList();
        Comparison comparison = engine.compare(Catalogs.side(bundle, priceLists, pair.a()),
                Catalogs.side(bundle, priceLists, pair.b()), related);
        Instant at = Instant.parse("2026-12-04T10:00:00Z");
        List<PageChange> changes = List.of(new PageChange(3, at, List.of("pricing", "monthlyCost")),
                new PageChange(2, at.minusSeconds(86_400), List.of("specs")),
                new PageChange(1, at.minusSeconds(172_800), List.of("title")));
        byte[] bytes = renderer.comparison(new ComparisonPage(comparison, 3, at, at.plusMillis(400), changes))
                .getBytes(StandardCharsets.UTF_8);
        Comparison bare = new Comparison(comparison.pairId(), comparison.modelA(), comparison.modelB(), comparison.title(),
                comparison.intro(), comparison.verdict(), comparison.scorecard(), comparison.tradeoffs(),
                comparison.monthlyCost(), comparison.switchFriction(), comparison.specs(), comparison.pricing(),
                comparison.capabilities(), comparison.benchmarks(), comparison.deepDive(), comparison.faq(),
                comparison.related(), comparison.lastReviewed(), comparison.sources());
        byte[] bareBytes = renderer.comparison(new ComparisonPage(bare, 3, at, at.plusMillis(400), changes))
                .replaceAll("(?s)<form class=\"calculator\".*?</script>\n<script src=[^>]*></script>", "")
                .getBytes(StandardCharsets.UTF_8);
        return new int[] {bytes.length, RenderBenchmark.gzipped(bytes),
                comparison.routesA().size() + comparison.routesB().size(), bareBytes.length,
                RenderBenchmark.gzipped(bareBytes)};
    }

    private static int at(List<Integer> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static String kb(int bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
