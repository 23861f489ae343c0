package org.llmreference.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.modelsdev.ModelsDevReader;
import org.llmreference.page.listing.Directory;
import org.llmreference.page.listing.DirectoryQuery;
import org.llmreference.page.rendering.DirectoryPage;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.Site;

/**
 * How long the model directory takes to answer at a models.dev checkout: the whole catalog loaded
 * into {@link Directory} (as page-service builds it from its facts view), then a mix of filters and
 * sorts, each query timed alone (filter, sort, cut the page) and with its page rendered to HTML.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.llmreference.bench.DirectoryQueryTimes &lt;models.dev checkout&gt; [rounds]</pre>
 */
public final class DirectoryQueryTimes {

    /** The mix: what visitors and the front page's entry points ask. */
    static final List<Map<String, String>> MIX = List.of(
            Map.of(),
            Map.of("tool_use", "yes", "sort", "output", "order", "asc"),
            Map.of("sort", "context", "order", "desc"),
            Map.of("sort", "released", "order", "desc"),
            Map.of("sort", "repriced", "order", "desc"),
            Map.of("vendor", "openai"),
            Map.of("min_context", "128000", "max_output", "2", "sort", "input", "order", "asc"),
            Map.of("reasoning", "yes", "open_weights", "yes", "sort", "output", "order", "desc", "page", "2"),
            Map.of("vision", "yes", "status", "active", "released_from", "2025-01-01", "sort", "vendor"),
            Map.of("page", "5"));

    private DirectoryQueryTimes() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: DirectoryQueryTimes <models.dev checkout> [rounds]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        CatalogBundle bundle = new ModelsDevReader().read(Path.of(args[0]), line -> { });
        Map<String, List<RouteSnapshot>> priceLists = Catalogs.priceLists(bundle);

        long[] builds = new long[20];
        Directory directory = null;
        for (int i = 0; i < builds.length; i++) {
            long start = System.nanoTime();
            directory = Directory.of(bundle.models(), id -> priceLists.getOrDefault(id, List.of()));
            builds[i] = System.nanoTime() - start;
        }
        List<DirectoryQuery> queries = new ArrayList<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (Map<String, String> parameters : MIX) {
            DirectoryQuery query = DirectoryQuery.read(parameters).query();
            queries.add(query);
            totals.put("/models" + query.queryString(), directory.query(query).total());
        }
        PageRenderer renderer = new PageRenderer(new Site("https://llmreference.org", "LLM Reference"));

        // warm-up, then measure: each round runs the whole mix
        measure(directory, queries, renderer, rounds / 4);
        long[][] times = measure(directory, queries, renderer, rounds);

        System.out.println("Catalog: " + directory.rows().size() + " models, "
                + priceLists.values().stream().mapToInt(List::size).sum() + " routes");
        System.out.println("Build the directory from the catalog: " + summary(builds));
        totals.forEach((url, total) -> System.out.println("  " + url + " -> " + total + " rows"));
        System.out.println("Query (filter, sort, page), " + times[0].length + " queries: " + summary(times[0]));
        System.out.println("Query and render the page, " + times[1].length + " queries: " + summary(times[1]));
    }

    private static long[][] measure(Directory directory, List<DirectoryQuery> queries, PageRenderer renderer, int rounds) {
        long[] query = new long[rounds * queries.size()];
        long[] rendered = new long[rounds * queries.size()];
        int n = 0;
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (DirectoryQuery asked : queries) {
                long start = System.nanoTime();
                Directory.Result result = directory.query(asked);
                long queried = System.nanoTime();
                String html = renderer.directory(new DirectoryPage(asked.parameters(), Map.of(), result, List.of()));
                long end = System.nanoTime();
                query[n] = queried - start;
                rendered[n] = end - start;
                n++;
                sink += html.length() + result.total();
            }
        }
        if (sink == 42) {
            System.out.println();
        }
        return new long[][] {query, rendered};
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.3f ms, p99 %.3f ms, max %.3f ms", ms(at(sorted, 0.50)),
                ms(at(sorted, 0.99)), ms(sorted[sorted.length - 1]));
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
