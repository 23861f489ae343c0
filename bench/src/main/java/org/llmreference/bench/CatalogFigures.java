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
import java.util.stream.Stream;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.graph.PeerGraph;
import org.llmreference.comparison.recompute.ComparisonSet;
import org.llmreference.comparison.recompute.Plan;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.modelsdev.ModelsDevReader;

/**
 * The figures of a real catalog, printed as a Markdown table: how big a models.dev checkout is once
 * imported, and how long the comparison engine takes over all of it (the pair graph, every pair from
 * scratch, one price change and one model change of the model with the most pairs).
 *
 * <p>Plain wall-clock timings with {@link System#nanoTime()}, not JMH: each figure is one pass over
 * the whole catalog, repeated a few times. Usage: {@code CatalogFigures <models.dev checkout> [k]}.
 */
public final class CatalogFigures {

    private static final int DEFAULT_K = 8;
    private static final int FULL_RUNS = 3;
    private static final int PRICE_RUNS = 20;
    private static final int MODEL_RUNS = 10;
    /** Two context windows in different context classes, so each change moves the model in the graph. */
    private static final int[] CONTEXT_WINDOWS = {100_000, 500_000};

    private final List<String[]> rows = new ArrayList<>();

    private CatalogFigures() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java -cp benchmarks.jar org.llmreference.bench.CatalogFigures <models.dev checkout> [k]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        if (!Files.isDirectory(root)) {
            System.err.println(args[0] + " is not a directory (expected a models.dev checkout)");
            System.exit(2);
        }
        int k = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_K;
        new CatalogFigures().run(root, k);
    }

    private void run(Path root, int k) {
        Runtime runtime = Runtime.getRuntime();
        row("Date", LocalDate.now().toString(), "when these figures were taken");
        row("Machine", runtime.availableProcessors() + " processors, max heap " + runtime.maxMemory() / (1024 * 1024)
                + " MiB, Java " + System.getProperty("java.version"), "what they were taken on");

        // Reading the tree.
        long started = System.nanoTime();
        CatalogBundle bundle = new ModelsDevReader().read(root, line -> { });
        double readMs = millisSince(started);
        List<ModelSnapshot> models = bundle.models();
        Map<String, List<RouteSnapshot>> priceLists = Catalogs.priceLists(bundle);
        long inGraph = models.stream().filter(model -> model.status() != ModelStatus.RETIRED).count();
        row("Models read", String.valueOf(models.size()), "models the models.dev reader keeps (retired included)");
        row("Models in the graph", String.valueOf(inGraph), "models not retired: the ones that get pages");
        row("Routes", String.valueOf(bundle.routes().size()), "provider routes (one per model and provider)");
        row("Read the tree", ms(readMs), "one cold read of the TOML tree into a bundle (JVM not warmed up)");

        // The pair graph.
        double[] graphMs = new double[FULL_RUNS];
        PeerGraph graph = null;
        for (int run = 0; run < FULL_RUNS; run++) {
            started = System.nanoTime();
            graph = PeerGraph.build(k, models, List.of());
            graphMs[run] = millisSince(started);
        }
        int livePairs = graph.livePairs().size();
        row("Build the pair graph (K = " + k + ")", "best " + ms(min(graphMs)) + ", median " + ms(median(graphMs)),
                "PeerGraph.build over the whole catalog (O(n²) similarities), " + FULL_RUNS + " runs");
        row("Live pairs (K = " + k + ")", String.valueOf(livePairs), "pairs that get a page: one model among the other's K nearest peers");

        // Every pair from scratch.
        ComparisonEngine engine = new ComparisonEngine(EngineSettings.defaults());
        double[] fullMs = new double[FULL_RUNS];
        int recomputed = 0;
        ComparisonSet set = null;
        for (int run = 0; run < FULL_RUNS; run++) {
            set = null;
            System.gc();
            set = new ComparisonSet(engine, k, models, priceLists, List.of(), List.of());
            started = System.nanoTime();
            Plan plan = set.next(set.recomputeAllWork(), Integer.MAX_VALUE);
            fullMs[run] = millisSince(started);
            recomputed = plan.recomputed();
            if (run == FULL_RUNS - 1) {
                set.commit(plan);
            }
        }
        row("Compute every pair from scratch", "best " + ms(min(fullMs)) + ", median " + ms(median(fullMs)),
                "ComparisonSet.recomputeAllWork() as one plan, nothing published: computes and hashes all " + recomputed
                        + " live pairs, " + FULL_RUNS + " runs");
        row("Per pair, from scratch", "best " + us(min(fullMs) * 1000 / recomputed) + ", median "
                + us(median(fullMs) * 1000 / recomputed), "the time above divided by the pairs computed");

        // The model with the most pairs.
        ComparisonSet published = set;
        String busiest = published.graph().livePairs().stream()
                .flatMap(pair -> Stream.of(pair.a(), pair.b()))
                .distinct()
                .max(Comparator.comparingInt((String id) -> published.graph().pairsOf(id).size())
                        .thenComparing(Comparator.<String>naturalOrder().reversed()))
                .orElseThrow(() -> new IllegalStateException("the graph has no pairs"));
        int busiestPairs = published.graph().pairsOf(busiest).size();
        row("Model with the most pairs", busiest + ", " + busiestPairs + " pairs, "
                + priceLists.getOrDefault(busiest, List.of()).size() + " routes",
                "its price list and model changes below touch the most pages");

        // A price change of that model: its first active priced route becomes its cheapest output
        // price (the page shows only the cheapest), alternating between two values so that every run
        // changes every pair of the model.
        List<RouteSnapshot> routes = priceLists.getOrDefault(busiest, List.of());
        int priced = -1;
        BigDecimal cheapest = null;
        for (int i = 0; i < routes.size(); i++) {
            RouteSnapshot route = routes.get(i);
            BigDecimal output = route.terms().outputPricePerMTok();
            if (route.terms().status() == RouteStatus.ACTIVE && output != null && output.signum() > 0) {
                priced = priced < 0 ? i : priced;
                cheapest = cheapest == null || output.compareTo(cheapest) < 0 ? output : cheapest;
            }
        }
        if (priced < 0) {
            row("Price change of " + busiest, "n/a", "it has no active route with an output price");
        } else {
            List<List<RouteSnapshot>> alternatives = List.of(
                    withOutputPrice(routes, priced, cheapest.divide(BigDecimal.valueOf(2))),
                    withOutputPrice(routes, priced, cheapest.divide(BigDecimal.valueOf(4))));
            double[] priceMs = new double[PRICE_RUNS];
            int[] publications = new int[PRICE_RUNS];
            for (int run = 0; run < PRICE_RUNS; run++) {
                started = System.nanoTime();
                Plan plan = set.pricesChanged(busiest, alternatives.get(run % 2));
                priceMs[run] = millisSince(started);
                publications[run] = plan.publications().size();
                set.commit(plan);
            }
            row("Price change of " + busiest, "median " + ms(median(priceMs)) + ", max " + ms(max(priceMs)),
                    "pricesChanged: output price of its first priced route (" + routes.get(priced).providerId() + ", "
                            + routes.get(priced).terms().outputPricePerMTok().toPlainString() + " USD/MTok) alternating between "
                            + alternatives.get(0).get(priced).terms().outputPricePerMTok().toPlainString() + " and "
                            + alternatives.get(1).get(priced).terms().outputPricePerMTok().toPlainString()
                            + " USD/MTok (below its cheapest, " + cheapest.toPlainString() + "), " + PRICE_RUNS
                            + " runs, each plan committed");
            row("Pages republished per price change", range(publications),
                    "publications per plan (the model's live pairs: " + set.graph().pairsOf(busiest).size() + ")");
        }

        // A model change of that model.
        ModelSnapshot model = models.stream().filter(m -> m.id().equals(busiest)).findFirst().orElseThrow();
        double[] modelMs = new double[MODEL_RUNS];
        int[] modelPublications = new int[MODEL_RUNS];
        int[] modelRecomputed = new int[MODEL_RUNS];
        for (int run = 0; run < MODEL_RUNS; run++) {
            ModelSnapshot changed = withContextWindow(model, CONTEXT_WINDOWS[run % 2]);
            started = System.nanoTime();
            Plan plan = set.modelChanged(changed);
            modelMs[run] = millisSince(started);
            modelPublications[run] = plan.publications().size();
            modelRecomputed[run] = plan.recomputed();
            set.commit(plan);
        }
        row("Model change of " + busiest, "median " + ms(median(modelMs)) + ", max " + ms(max(modelMs)),
                "modelChanged: context window alternating between " + CONTEXT_WINDOWS[0] + " and " + CONTEXT_WINDOWS[1]
                        + " (was " + model.contextWindow() + ") tokens: graph update and its neighbourhood, "
                        + MODEL_RUNS + " runs, each plan committed");
        row("Pairs recomputed per model change", range(modelRecomputed),
                "the pairs of the model and of its old and new neighbours");
        row("Pages published per model change", range(modelPublications),
                "pairs whose content changed, joined or left the graph");

        print();
    }

    private static List<RouteSnapshot> withOutputPrice(List<RouteSnapshot> routes, int index, BigDecimal price) {
        List<RouteSnapshot> changed = new ArrayList<>(routes);
        RouteSnapshot r = routes.get(index);
        RouteTerms t = r.terms();
        changed.set(index, new RouteSnapshot(r.providerId(), r.providerName(), new RouteTerms(t.inputPricePerMTok(),
                price, t.cachedInputPricePerMTok(), t.cacheWritePricePerMTok(), t.batchInputPricePerMTok(),
                t.batchOutputPricePerMTok(), t.contextTiers(), t.contextWindow(), t.region(), t.status(),
                t.sourceUrl(), t.verifiedAt()), r.effectiveFrom()));
        return changed;
    }

    private static ModelSnapshot withContextWindow(ModelSnapshot m, int contextWindow) {
        return new ModelSnapshot(m.id(), m.name(), m.vendor(), m.family(), m.releaseDate(), m.knowledgeCutoff(),
                contextWindow, m.maxOutputTokens(), m.parametersBillions(), m.architecture(), m.license(),
                m.openWeights(), m.modalities(), m.capabilities(), m.decisionTags(), m.benchmarks(), m.sources(),
                m.status(), m.retiresOn(), m.successorId());
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

    private static double millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000.0;
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String us(double micros) {
        return String.format(Locale.ROOT, "%.0f µs", micros);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** The median; of an even count, the mean of the two middle values. */
    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String range(int[] values) {
        int low = Arrays.stream(values).min().orElse(0);
        int high = Arrays.stream(values).max().orElse(0);
        return low == high ? String.valueOf(low) : low + "–" + high;
    }
}
