package org.llmreference.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.recompute.ComparisonSet;
import org.llmreference.comparison.recompute.ComparisonSet.SourceChange;
import org.llmreference.comparison.recompute.Preview;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.modelsdev.ModelsDevReader;

/**
 * How long a preview ({@code POST /api/previews} in comparison-service) takes on a real catalog, for the
 * model with the most pages: what the service does per request, timed end to end without HTTP: copy
 * the comparison set (as the service does under its lock), apply the proposal to a second copy, and
 * compute every affected page before and after with the same engine. Printed as a Markdown table with
 * p50, p99 and max. Usage: {@code PreviewFigures <models.dev checkout> [k] [runs]}.
 */
public final class PreviewFigures {

    private static final int DEFAULT_K = 8;
    private static final int DEFAULT_RUNS = 100;
    private static final int WARM_UP = 20;
    /** Two context windows in different context classes, so each proposal moves the model in the graph. */
    private static final int[] CONTEXT_WINDOWS = {100_000, 500_000};

    private final List<String[]> rows = new ArrayList<>();

    private PreviewFigures() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: java -cp benchmarks.jar org.llmreference.bench.PreviewFigures <models.dev checkout> [k] [runs]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        if (!Files.isDirectory(root)) {
            System.err.println(args[0] + " is not a directory (expected a models.dev checkout)");
            System.exit(2);
        }
        int k = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_K;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_RUNS;
        new PreviewFigures().run(root, k, runs);
    }

    private void run(Path root, int k, int runs) {
        Runtime runtime = Runtime.getRuntime();
        row("Date", LocalDate.now().toString(), "when these figures were taken");
        row("Machine", runtime.availableProcessors() + " processors, max heap " + runtime.maxMemory() / (1024 * 1024)
                + " MiB, Java " + System.getProperty("java.version"), "what they were taken on");

        CatalogBundle bundle = new ModelsDevReader().read(root, line -> { });
        List<ModelSnapshot> models = bundle.models();
        Map<String, List<RouteSnapshot>> priceLists = Catalogs.priceLists(bundle);
        ComparisonSet set = new ComparisonSet(new ComparisonEngine(EngineSettings.defaults()), k, models, priceLists,
                List.of(), List.of());
        row("Catalog", models.size() + " models, " + bundle.routes().size() + " routes, "
                + set.graph().livePairs().size() + " live pairs (K = " + k + ")", "the models.dev checkout given");

        String busiest = set.graph().livePairs().stream()
                .flatMap(pair -> Stream.of(pair.a(), pair.b()))
                .distinct()
                .max(Comparator.comparingInt((String id) -> set.graph().pairsOf(id).size())
                        .thenComparing(Comparator.<String>naturalOrder().reversed()))
                .orElseThrow(() -> new IllegalStateException("the graph has no pairs"));
        List<RouteSnapshot> routes = set.priceList(busiest);
        row("Model with the most pages", busiest + ", " + set.graph().pairsOf(busiest).size() + " pages, "
                + routes.size() + " routes", "the model previewed below");

        // One route change: the output price of its first active priced route, alternating between two
        // values below its cheapest, so every preview changes every page of the model.
        int priced = -1;
        BigDecimal cheapest = null;
        for (int i = 0; i < routes.size(); i++) {
            BigDecimal output = routes.get(i).terms().outputPricePerMTok();
            if (routes.get(i).terms().status() == RouteStatus.ACTIVE && output != null && output.signum() > 0) {
                priced = priced < 0 ? i : priced;
                cheapest = cheapest == null || output.compareTo(cheapest) < 0 ? output : cheapest;
            }
        }
        if (priced < 0) {
            row("Route change preview", "n/a", "the model has no active route with an output price");
        } else {
            int index = priced;
            List<List<RouteSnapshot>> alternatives = List.of(
                    withOutputPrice(routes, index, cheapest.divide(BigDecimal.valueOf(2))),
                    withOutputPrice(routes, index, cheapest.divide(BigDecimal.valueOf(4))));
            measure("Route change preview", set, runs,
                    run -> new SourceChange.Prices(busiest, alternatives.get(run % 2)),
                    "output price of its " + routes.get(index).providerId() + " route below its cheapest; " + runs + " runs after "
                            + WARM_UP + " warm-up");
        }

        ModelSnapshot model = set.model(busiest).orElseThrow();
        measure("Model change preview", set, runs,
                run -> new SourceChange.Model(withContextWindow(model, CONTEXT_WINDOWS[run % 2])),
                "context window " + CONTEXT_WINDOWS[0] + " or " + CONTEXT_WINDOWS[1] + " (was " + model.contextWindow()
                        + "): the graph moves, its neighbourhood is previewed too; " + runs + " runs after " + WARM_UP + " warm-up");
        print();
    }

    /** Times {@code runs} previews (after a warm-up), each as the service answers one request. */
    private void measure(String figure, ComparisonSet set, int runs, IntFunction<SourceChange> changes, String note) {
        for (int run = 0; run < WARM_UP; run++) {
            Preview.of(set.copy(), changes.apply(run));
        }
        double[] millis = new double[runs];
        int pages = 0;
        int changed = 0;
        for (int run = 0; run < runs; run++) {
            SourceChange change = changes.apply(run);
            long started = System.nanoTime();
            List<Preview.Page> previewed = Preview.of(set.copy(), change);
            millis[run] = (System.nanoTime() - started) / 1_000_000.0;
            pages = Math.max(pages, previewed.size());
            changed = Math.max(changed, (int) previewed.stream().filter(Preview.Page::changed).count());
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        row(figure, "p50 " + ms(percentile(sorted, 50)) + ", p99 " + ms(percentile(sorted, 99)) + ", max "
                + ms(sorted[sorted.length - 1]) + " (" + pages + " pages, " + changed + " changed)", note);
    }

    /** The nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static List<RouteSnapshot> withOutputPrice(List<RouteSnapshot> routes, int index, BigDecimal price) {
        List<RouteSnapshot> changed = new ArrayList<>(routes);
        RouteSnapshot r = routes.get(index);
        RouteTerms t = r.terms();
        changed.set(index, new RouteSnapshot(r.providerId(), r.providerName(), new RouteTerms(t.inputPricePerMTok(),
                price, t.cachedInputPricePerMTok(), t.cacheWritePricePerMTok(), t.batchInputPricePerMTok(),
                t.batchOutputPricePerMTok(), t.contextTiers(), t.contextWindow(), t.region(), t.status(),
                t.sourceUrl(), t.verifiedAt()), r.upstream(), r.effectiveFrom(), r.history()));
        return changed;
    }

    private static ModelSnapshot withContextWindow(ModelSnapshot m, int contextWindow) {
        return new ModelSnapshot(m.id(), m.name(), m.vendor(), m.family(), m.releaseDate(), m.knowledgeCutoff(),
                contextWindow, m.maxOutputTokens(), m.parametersBillions(), m.architecture(), m.license(),
                m.openWeights(), m.modalities(), m.capabilities(), m.decisionTags(), m.benchmarks(), m.sources(),
                m.status(), m.retiresOn(), m.successorId(), m.aliases());
    }

    private void row(String figure, String value, String note) {
        rows.add(new String[] {figure, value, note});
    }

    private void print() {
        StringBuilder out = new StringBuilder();
        out.append("| Figure | Value | What it measures |\n");
        out.append("|---|---|---|\n");
        for (String[] row : rows) {
            out.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append(" |\n");
        }
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        stdout.print(out);
        stdout.flush();
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }
}
