package org.llmreference.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.graph.PeerGraph;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.DimensionScore;
import org.llmreference.contracts.comparison.Faq;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.FactTable;
import org.llmreference.contracts.comparison.SwitchFriction;
import org.llmreference.contracts.comparison.Tradeoff;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.modelsdev.ModelsDevReader;

/**
 * Reads every live comparison page of a catalog the way a careful reader would, and counts the
 * sentences that do not follow from the facts they state:
 * <ul>
 * <li>{@link Defect#EQUAL_AS_CONTRAST}: two equal values phrased as a contrast ("X ships a 128k-token
 * context window, while Y ships a 128k-token context window", "131k vs 131k tokens");</li>
 * <li>{@link Defect#VERDICT_CONTRADICTS_TRADEOFFS}: the verdict names a dimension for the alternative
 * that is not among the alternative's reasons, or a model's reasons say nothing favours it while the
 * verdict scores it ahead on a dimension;</li>
 * <li>{@link Defect#EMPTY_ROW}: a table row that shows "-" on both sides;</li>
 * <li>{@link Defect#GRAMMAR}: a verb or noun that disagrees with its count ("benchmark results matters",
 * "1 rows"), or "a" before a figure read with a vowel ("a 8k-token").</li>
 * </ul>
 * Run as {@code ProseAudit <models.dev checkout>} it prints the counts over every live pair (K = 8).
 */
public final class ProseAudit {

    public enum Defect {
        EQUAL_AS_CONTRAST, VERDICT_CONTRADICTS_TRADEOFFS, EMPTY_ROW, GRAMMAR
    }

    /** One defect on one page, with the words that show it. */
    public record Finding(String pairId, Defect defect, String text) {
    }

    /** The bullet text by which a model's reasons show each verdict dimension (by the verdict's phrase). */
    private static final Map<String, String> REASON_OF_DIMENSION = Map.of(
            "long context", "has the larger context window",
            "capability breadth", "uniquely exposes",
            "license openness", "has the more open license",
            "provider fit", "has broader tracked provider coverage",
            "cost", "has the lower monthly cost",
            "benchmark results", "scores higher on",
            "recency", "is the newer release");
    private static final String NO_SIGNAL = "No tracked signal favours";

    private static final Pattern VERSUS = Pattern.compile("^(?:released )?(.+?) vs (.+?)(?: tokens| per month| tracked routes| of \\d+ capabilities)?$");
    private static final Pattern MONEY_VERSUS = Pattern.compile("\\((\\$[\\d,.]+) vs (\\$[\\d,.]+)\\)");
    private static final Pattern ROUTES_VERSUS = Pattern.compile("(\\d+) tracked routes? versus (\\d+)\\b");
    private static final Pattern BAD_AGREEMENT = Pattern.compile(
            "\\b(results|benchmarks|capabilities|outputs|agents) matters\\b|\\b1 (rows|routes|tracked routes|capabilities)\\b"
                    + "|\\b([02-9]|\\d\\d+) (row|route|tracked route|capability)\\b"
                    + "|\\ba (8|11(?!\\d)|18(?!\\d))");

    private ProseAudit() {
    }

    /** Every defect of one page. */
    public static List<Finding> audit(Comparison page) {
        List<Finding> findings = new ArrayList<>();
        String nameA = page.modelA().name();
        String nameB = page.modelB().name();
        List<String> prose = prose(page);
        for (String text : prose) {
            for (String sentence : text.split("(?<=\\.) ")) {
                if (contrastsEqualValues(sentence, nameA, nameB)) {
                    findings.add(new Finding(page.pairId(), Defect.EQUAL_AS_CONTRAST, sentence));
                }
            }
            Matcher money = MONEY_VERSUS.matcher(text);
            while (money.find()) {
                if (money.group(1).equals(money.group(2))) {
                    findings.add(new Finding(page.pairId(), Defect.EQUAL_AS_CONTRAST, text));
                }
            }
            Matcher routes = ROUTES_VERSUS.matcher(text);
            while (routes.find()) {
                if (routes.group(1).equals(routes.group(2))) {
                    findings.add(new Finding(page.pairId(), Defect.EQUAL_AS_CONTRAST, text));
                }
            }
            Matcher grammar = BAD_AGREEMENT.matcher(text);
            if (grammar.find()) {
                findings.add(new Finding(page.pairId(), Defect.GRAMMAR, text));
            }
        }
        if (page.verdict() != null) {
            for (DimensionScore dimension : page.verdict().dimensions()) {
                Matcher versus = VERSUS.matcher(dimension.reason() == null ? "" : dimension.reason());
                if (versus.matches() && versus.group(1).equals(versus.group(2))) {
                    findings.add(new Finding(page.pairId(), Defect.EQUAL_AS_CONTRAST, dimension.reason()));
                }
            }
            verdictAgainstTradeoffs(page, findings);
        }
        for (FactRow row : rows(page)) {
            if ("-".equals(row.a().text()) && "-".equals(row.b().text())) {
                findings.add(new Finding(page.pairId(), Defect.EMPTY_ROW, row.label()));
            }
        }
        return findings;
    }

    private static void verdictAgainstTradeoffs(Comparison page, List<Finding> findings) {
        var verdict = page.verdict();
        for (Tradeoff tradeoff : page.tradeoffs()) {
            String reasons = String.join(" ", tradeoff.bullets());
            boolean alternative = tradeoff.modelId().equals(verdict.alternativeModelId());
            if (alternative && verdict.alternativeDimension() != null) {
                String expected = REASON_OF_DIMENSION.get(verdict.alternativeDimension());
                if (expected == null || !reasons.contains(expected)) {
                    findings.add(new Finding(page.pairId(), Defect.VERDICT_CONTRADICTS_TRADEOFFS,
                            verdict.sentence() + " / " + reasons));
                    continue;
                }
            }
            boolean modelA = tradeoff.modelId().equals(page.modelA().id());
            if (reasons.contains(NO_SIGNAL) && leadsSomewhere(verdict.dimensions(), modelA)) {
                findings.add(new Finding(page.pairId(), Defect.VERDICT_CONTRADICTS_TRADEOFFS,
                        verdict.sentence() + " / " + reasons));
            }
        }
    }

    private static boolean leadsSomewhere(List<DimensionScore> dimensions, boolean modelA) {
        for (DimensionScore dimension : dimensions) {
            if (dimension.scoreA() != null && dimension.scoreB() != null) {
                int order = dimension.scoreA().compareTo(dimension.scoreB());
                if (modelA ? order > 0 : order < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "X ships V, while Y ships V": a sentence naming both models whose two halves, once the names are
     * set aside, say the same.
     */
    static boolean contrastsEqualValues(String sentence, String nameA, String nameB) {
        if (!sentence.contains(nameA) || !sentence.contains(nameB) || nameA.equals(nameB)) {
            return false;
        }
        for (String separator : List.of(", while ", " and ", " versus ")) {
            int at = sentence.indexOf(separator);
            while (at >= 0) {
                String first = neutral(sentence.substring(0, at), nameA, nameB);
                String second = neutral(sentence.substring(at + separator.length()), nameA, nameB);
                if (first.startsWith("#") && second.startsWith("#") && strip(first).equals(strip(second))) {
                    return true;
                }
                at = sentence.indexOf(separator, at + 1);
            }
        }
        return false;
    }

    private static String neutral(String text, String nameA, String nameB) {
        String longer = nameA.length() >= nameB.length() ? nameA : nameB;
        String shorter = longer.equals(nameA) ? nameB : nameA;
        return text.replace(longer, "#").replace(shorter, "#").trim();
    }

    private static String strip(String half) {
        return half.replaceAll("[.;]$", "").trim();
    }

    private static List<String> prose(Comparison page) {
        List<String> prose = new ArrayList<>();
        add(prose, page.intro());
        if (page.verdict() != null) {
            add(prose, page.verdict().sentence());
        }
        page.tradeoffs().forEach(t -> t.bullets().forEach(b -> add(prose, b)));
        for (SwitchFriction friction : page.switchFriction()) {
            friction.bullets().forEach(b -> add(prose, b));
        }
        page.deepDive().forEach(p -> add(prose, p));
        for (Faq faq : page.faq()) {
            add(prose, faq.answer());
        }
        if (page.monthlyCost() != null) {
            add(prose, page.monthlyCost().deltaNote());
        }
        return prose;
    }

    private static void add(List<String> prose, String text) {
        if (text != null) {
            prose.add(text);
        }
    }

    private static List<FactRow> rows(Comparison page) {
        List<FactRow> rows = new ArrayList<>(page.scorecard());
        for (FactTable table : new FactTable[] {page.specs(), page.pricing(), page.capabilities(), page.benchmarks()}) {
            if (table != null) {
                rows.addAll(table.rows());
            }
        }
        return rows;
    }

    /** Every live pair of a catalog (K = 8 nearest peers, no curated pairs), each page computed and audited. */
    public static List<Finding> auditEveryLivePage(CatalogBundle bundle, Map<Defect, Integer> counts, int[] pages) {
        Map<String, List<RouteSnapshot>> priceLists = Catalogs.priceLists(bundle);
        PeerGraph graph = PeerGraph.build(8, bundle.models(), List.of());
        ComparisonEngine engine = new ComparisonEngine(EngineSettings.defaults());
        List<Finding> findings = new ArrayList<>();
        for (Defect defect : Defect.values()) {
            counts.put(defect, 0);
        }
        List<PairId> pairs = graph.livePairs().stream().sorted().toList();
        for (PairId pair : pairs) {
            Comparison page = engine.compare(Catalogs.side(bundle, priceLists, pair.a()),
                    Catalogs.side(bundle, priceLists, pair.b()), List.of());
            List<Finding> found = audit(page);
            found.stream().map(Finding::defect).distinct().forEach(d -> counts.merge(d, 1, Integer::sum));
            findings.addAll(found);
        }
        pages[0] = pairs.size();
        return findings;
    }

    /** Up to {@code each} findings of every kind, one a line. */
    public static String examples(List<Finding> findings, int each) {
        StringBuilder text = new StringBuilder();
        for (Defect defect : Defect.values()) {
            findings.stream().filter(f -> f.defect() == defect).limit(each)
                    .forEach(f -> text.append("\n  ").append(defect).append(" ").append(f.pairId()).append(": ").append(f.text()));
        }
        return text.toString();
    }

    public static void main(String[] args) {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: java -cp benchmarks.jar org.llmreference.bench.ProseAudit <models.dev checkout>");
            System.exit(2);
        }
        CatalogBundle bundle = new ModelsDevReader().read(Path.of(args[0]), line -> { });
        Map<Defect, Integer> counts = new EnumMap<>(Defect.class);
        int[] pages = new int[1];
        List<Finding> findings = auditEveryLivePage(bundle, counts, pages);
        System.out.println("live pages: " + pages[0]);
        counts.forEach((defect, n) -> System.out.println(defect + ": " + n + " pages"));
        System.out.println(examples(findings, 3));
    }
}
