package org.llmreference.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.llmreference.comparison.graph.PeerGraph;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.modelsdev.ModelsDevReader;

/**
 * The identity figures of a models.dev checkout once imported, judged independently of the
 * importer's own merge rules: display names held by more than one model, live pairs that compare a
 * model with itself, live pairs with a router or placeholder, models without a vendor.
 *
 * <p>Two models count as the same model when their display names, or their ids, are equal once
 * lowercased and stripped of everything but letters and digits, or when one id is the other with a
 * provider's prefix ({@code azure-gpt-4o}, {@code anthropic--claude-3.5-sonnet}). A router or
 * placeholder is a model whose id is one of models.dev's router and placeholder ids or whose name
 * says "Router". Usage: {@code IdentityFigures <models.dev checkout> [k] [--list]}.
 */
public final class IdentityFigures {

    private static final Set<String> ROUTER_IDS = Set.of("auto", "router", "free", "custom", "small", "fusion", "brave");
    private static final Pattern ROUTER_NAME = Pattern.compile("(?i)\\brouter\\b|\\bauto router\\b|^custom model$");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("^[a-z0-9]+-{1,2}");

    private IdentityFigures() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: IdentityFigures <models.dev checkout> [k] [--list]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        if (!Files.isDirectory(root)) {
            System.err.println(args[0] + " is not a directory (expected a models.dev checkout)");
            System.exit(2);
        }
        int k = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 8;
        boolean list = List.of(args).contains("--list");
        CatalogBundle bundle = new ModelsDevReader().read(root, line -> { });
        print(figures(bundle, k), list);
    }

    /** What {@link #figures} found, with the ids behind each count. */
    public record Figures(int models, int liveModels, int livePairs, Map<String, List<String>> duplicateNames,
            List<PairId> selfPairs, List<PairId> routerPairs, List<String> routers, List<String> withoutVendor,
            List<String> liveWithoutVendor) {
    }

    public static Figures figures(CatalogBundle bundle, int k) {
        List<ModelSnapshot> models = bundle.models();
        Map<String, ModelSnapshot> byId = models.stream().collect(Collectors.toMap(ModelSnapshot::id, Function.identity()));
        PeerGraph graph = PeerGraph.build(k, models, List.of());
        Set<PairId> live = graph.livePairs();
        Set<String> liveModels = new TreeSet<>();
        live.forEach(pair -> {
            liveModels.add(pair.a());
            liveModels.add(pair.b());
        });

        Map<String, List<String>> byName = new TreeMap<>();
        models.forEach(m -> byName.computeIfAbsent(m.name(), n -> new ArrayList<>()).add(m.id()));
        byName.values().removeIf(ids -> ids.size() < 2);

        List<String> routers = models.stream().filter(IdentityFigures::isRouter).map(ModelSnapshot::id).sorted().toList();
        List<PairId> selfPairs = live.stream().filter(p -> sameModel(byId.get(p.a()), byId.get(p.b()))).sorted().toList();
        List<PairId> routerPairs = live.stream().filter(p -> routers.contains(p.a()) || routers.contains(p.b())).sorted().toList();
        List<String> withoutVendor = models.stream().filter(m -> m.vendor() == null).map(ModelSnapshot::id).sorted().toList();
        List<String> liveWithoutVendor = withoutVendor.stream().filter(liveModels::contains).toList();
        return new Figures(models.size(), liveModels.size(), live.size(), byName, selfPairs, routerPairs, routers,
                withoutVendor, liveWithoutVendor);
    }

    static boolean isRouter(ModelSnapshot model) {
        return ROUTER_IDS.contains(model.id()) || ROUTER_NAME.matcher(model.name()).find();
    }

    static boolean sameModel(ModelSnapshot a, ModelSnapshot b) {
        if (normal(a.name()).equals(normal(b.name())) || normal(a.id()).equals(normal(b.id()))) {
            return true;
        }
        return prefixedTwin(a.id(), b.id()) || prefixedTwin(b.id(), a.id());
    }

    /** {@code azure-gpt-4o} of {@code gpt-4o}: a provider's word and a dash or two before the other id. */
    private static boolean prefixedTwin(String prefixed, String plain) {
        var prefix = PREFIX.matcher(prefixed);
        return prefix.find() && normal(prefixed.substring(prefix.end())).equals(normal(plain));
    }

    private static String normal(String text) {
        return NOT_ALNUM.matcher(text.toLowerCase(Locale.ROOT).replace("+", "plus")).replaceAll("");
    }

    private static void print(Figures f, boolean list) {
        System.out.println("| Figure | Value |");
        System.out.println("|---|---|");
        System.out.println("| Models | " + f.models() + " |");
        System.out.println("| Models with a live pair | " + f.liveModels() + " |");
        System.out.println("| Live pairs | " + f.livePairs() + " |");
        System.out.println("| Display names held by more than one model | " + f.duplicateNames().size() + " |");
        System.out.println("| Live pairs of a model with itself | " + f.selfPairs().size() + " |");
        System.out.println("| Routers and placeholders among the models | " + f.routers().size() + " |");
        System.out.println("| Live pairs with a router or placeholder | " + f.routerPairs().size() + " |");
        System.out.println("| Models without a vendor | " + f.withoutVendor().size() + " of " + f.models() + " ("
                + percent(f.withoutVendor().size(), f.models()) + ") |");
        System.out.println("| Live models without a vendor | " + f.liveWithoutVendor().size() + " of " + f.liveModels()
                + " (" + percent(f.liveWithoutVendor().size(), f.liveModels()) + ") |");
        if (list) {
            System.out.println();
            f.duplicateNames().forEach((name, ids) -> System.out.println("duplicate name: " + name + " " + ids));
            f.selfPairs().forEach(p -> System.out.println("self pair: " + p.a() + " vs " + p.b()));
            System.out.println("routers: " + f.routers());
            System.out.println("live without vendor: " + f.liveWithoutVendor());
        }
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }
}
