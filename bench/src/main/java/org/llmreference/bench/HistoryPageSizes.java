package org.llmreference.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.graph.PeerGraph;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.HistoryBundle;
import org.llmreference.importing.modelsdev.ModelsDevHistory;
import org.llmreference.importing.modelsdev.ModelsDevReader;
import org.llmreference.page.rendering.ComparisonPage;
import org.llmreference.page.rendering.PageChange;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.Site;

/**
 * The gzip size of comparison pages with both route tables, the cost calculator and the price
 * history of each side's cheapest route, at the full models.dev catalog: every live pair of the pair
 * graph (K = 8), rendered as page-service renders it (8 related pairs, 3 changes) and gzipped as
 * page-service stores it.
 *
 * <p>The history is the one {@code ./llmref import --history} gives: models.dev's repository walked
 * by {@link ModelsDevHistory}, each applied step of a route a dated price ({@code history-import}),
 * then the import of the checkout itself ({@code import}, dated after the walk), oldest first,
 * consecutive steps with the same prices collapsed and the newest 100 kept, as pricing-service's
 * {@code PriceHistory} publishes them.
 *
 * <pre>java -Xmx1g -cp bench/target/benchmarks.jar org.llmreference.bench.HistoryPageSizes &lt;models.dev checkout&gt; &lt;models.dev.bundle&gt;</pre>
 */
public final class HistoryPageSizes {

    /** What pricing-service keeps of one route's history ({@code PriceHistory.MAX_STEPS}). */
    static final int MAX_STEPS = 100;
    static final Instant IMPORTED_AT = Instant.parse("2026-12-04T10:00:00Z");
    static final int TARGET_BYTES = 40 * 1024;

    private HistoryPageSizes() {
    }

    /** One rendered page: its pair, routes of both sides, history steps of both sides, sizes with and without history. */
    record Sized(PairId pair, int routes, int steps, int html, int gzip, int gzipWithoutHistory) {
    }

    public static void main(String[] args) {
        if (args.length < 2 || !Files.isDirectory(Path.of(args[0])) || !Files.exists(Path.of(args[1]))) {
            System.err.println("usage: HistoryPageSizes <models.dev checkout> <models.dev git bundle or checkout>");
            System.exit(2);
        }
        CatalogBundle bundle = new ModelsDevReader().read(Path.of(args[0]), line -> { });
        ModelsDevHistory.Result history = ModelsDevHistory.read(Path.of(args[1]), line -> { });
        System.out.println(history.figures().summary());
        Map<String, List<RouteSnapshot>> plain = Catalogs.priceLists(bundle);
        Map<String, List<RouteSnapshot>> dated = withHistory(plain, history.history());

        ComparisonEngine engine = new ComparisonEngine(EngineSettings.defaults());
        PeerGraph graph = PeerGraph.build(8, bundle.models().stream().filter(m -> m.status() != ModelStatus.RETIRED)
                .toList(), List.of());
        PageRenderer renderer = new PageRenderer(new Site("https://llmreference.org", "LLM Reference"));
        List<PairId> live = new ArrayList<>(graph.livePairs());
        live.sort(Comparator.comparing(PairId::toString));

        long started = System.nanoTime();
        List<Sized> pages = new ArrayList<>();
        for (PairId pair : live) {
            pages.add(render(engine, renderer, graph, bundle, plain, dated, pair));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<Integer> gzip = sorted(pages, Sized::gzip);
        List<Integer> without = sorted(pages, Sized::gzipWithoutHistory);
        List<Integer> html = sorted(pages, Sized::html);
        long charted = pages.stream().filter(p -> p.steps() > 0).count();
        System.out.printf(Locale.ROOT, "%d live pairs rendered in %.1f s; %d show a price history (%d steps at most)%n",
                pages.size(), millis / 1000.0, charted, pages.stream().mapToInt(Sized::steps).max().orElse(0));
        System.out.printf(Locale.ROOT, "every live pair, gzipped: p50 %s, p99 %s, max %s; without history p50 %s, max %s; "
                + "HTML p50 %s, max %s%n", kb(at(gzip, 0.5)), kb(at(gzip, 0.99)), kb(last(gzip)), kb(at(without, 0.5)),
                kb(last(without)), kb(at(html, 0.5)), kb(last(html)));

        List<Sized> busiest = pages.stream().sorted(Comparator.comparingInt(Sized::routes).reversed()
                .thenComparing(s -> s.pair().toString())).limit(50).toList();
        List<Integer> busiestGzip = sorted(busiest, Sized::gzip);
        System.out.printf(Locale.ROOT, "the 50 pairs with the most routes (%d to %d), gzipped: p50 %s, max %s%n",
                busiest.get(busiest.size() - 1).routes(), busiest.get(0).routes(), kb(at(busiestGzip, 0.5)),
                kb(last(busiestGzip)));
        Sized largest = pages.stream().max(Comparator.comparingInt(Sized::gzip)).orElseThrow();
        Sized longest = pages.stream().max(Comparator.comparingInt(Sized::steps).thenComparingInt(Sized::gzip)).orElseThrow();
        for (Sized page : List.of(largest, longest)) {
            System.out.printf(Locale.ROOT, "%s: %d routes, %d history steps, %s HTML, %s gzipped (%s without history)%n",
                    page.pair(), page.routes(), page.steps(), kb(page.html()), kb(page.gzip()), kb(page.gzipWithoutHistory()));
        }
        long over = pages.stream().filter(p -> p.gzip() > TARGET_BYTES).count();
        System.out.printf(Locale.ROOT, "pages over the 40 KB gzip target: %d of %d%n", over, pages.size());
    }

    /** Each route with its dated prices from {@code history}, as pricing-service publishes them after both imports. */
    static Map<String, List<RouteSnapshot>> withHistory(Map<String, List<RouteSnapshot>> priceLists, HistoryBundle history) {
        Map<String, List<HistoryBundle.Step>> byRoute = new HashMap<>();
        for (HistoryBundle.Step step : history.steps()) {
            if (HistoryBundle.APPLIED.equals(step.kind())) {
                byRoute.computeIfAbsent(step.route().modelId() + " " + step.route().providerId(), key -> new ArrayList<>())
                        .add(step);
            }
        }
        Map<String, List<RouteSnapshot>> dated = new LinkedHashMap<>();
        priceLists.forEach((modelId, routes) -> dated.put(modelId, routes.stream().map(route -> {
            List<PriceStep> steps = new ArrayList<>();
            byRoute.getOrDefault(modelId + " " + route.providerId(), List.of()).stream()
                    .sorted(Comparator.comparing(HistoryBundle.Step::at))
                    .forEach(step -> steps.add(PriceStep.of(step.at(), step.route().terms(), "history-import")));
            steps.add(PriceStep.of(IMPORTED_AT, route.terms(), "import"));
            return new RouteSnapshot(route.providerId(), route.providerName(), route.terms(), route.upstream(),
                    route.effectiveFrom(), collapsed(steps));
        }).toList()));
        return dated;
    }

    /** Consecutive steps with the same six prices as one, the newest {@link #MAX_STEPS} kept. */
    static List<PriceStep> collapsed(List<PriceStep> steps) {
        List<PriceStep> kept = new ArrayList<>();
        for (PriceStep step : steps) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).samePrices(step)) {
                kept.add(step);
            }
        }
        return kept.size() <= MAX_STEPS ? kept : List.copyOf(kept.subList(kept.size() - MAX_STEPS, kept.size()));
    }

    private static Sized render(ComparisonEngine engine, PageRenderer renderer, PeerGraph graph, CatalogBundle bundle,
            Map<String, List<RouteSnapshot>> plain, Map<String, List<RouteSnapshot>> dated, PairId pair) {
        List<RelatedPair> related = graph.related(pair, 8).stream()
                .map(other -> new RelatedPair(other.toString(), other.a() + " vs " + other.b())).toList();
        Comparison comparison = engine.compare(Catalogs.side(bundle, dated, pair.a()), Catalogs.side(bundle, dated, pair.b()),
                related);
        Comparison undated = new Comparison(comparison.pairId(), comparison.modelA(), comparison.modelB(),
                comparison.title(), comparison.intro(), comparison.verdict(), comparison.scorecard(), comparison.tradeoffs(),
                comparison.monthlyCost(), comparison.switchFriction(), comparison.specs(), comparison.pricing(),
                comparison.capabilities(), comparison.benchmarks(), comparison.deepDive(), comparison.faq(),
                comparison.related(), comparison.lastReviewed(), comparison.sources(), comparison.routesA(),
                comparison.routesB());
        byte[] bytes = page(renderer, comparison);
        int routes = plain.getOrDefault(pair.a(), List.of()).size() + plain.getOrDefault(pair.b(), List.of()).size();
        int steps = chartSteps(comparison.historyA()) + chartSteps(comparison.historyB());
        return new Sized(pair, routes, steps, bytes.length, RenderBenchmark.gzipped(bytes),
                RenderBenchmark.gzipped(page(renderer, undated)));
    }

    /** The steps a page draws for one side: none when its route has a single price (no chart, a one-row table). */
    private static int chartSteps(List<PriceStep> history) {
        return history.size() < 2 ? 0 : history.size();
    }

    private static byte[] page(PageRenderer renderer, Comparison comparison) {
        Instant at = IMPORTED_AT;
        List<PageChange> changes = List.of(new PageChange(3, at, List.of("pricing", "monthlyCost")),
                new PageChange(2, at.minusSeconds(86_400), List.of("specs")),
                new PageChange(1, at.minusSeconds(172_800), List.of("title")));
        return renderer.comparison(new ComparisonPage(comparison, 3, at, at.plusMillis(400), changes))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<Integer> sorted(List<Sized> pages, java.util.function.ToIntFunction<Sized> size) {
        List<Integer> sizes = new ArrayList<>(pages.stream().mapToInt(size).boxed().toList());
        Collections.sort(sizes);
        return sizes;
    }

    private static int at(List<Integer> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1)));
    }

    private static int last(List<Integer> sorted) {
        return sorted.get(sorted.size() - 1);
    }

    private static String kb(int bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
