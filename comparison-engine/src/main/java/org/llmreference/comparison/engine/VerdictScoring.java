package org.llmreference.comparison.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.llmreference.contracts.comparison.DimensionScore;
import org.llmreference.contracts.comparison.Verdict;

/**
 * The verdict: "{safer} is safer overall; choose {alternative} when {dimension} matters."
 *
 * <p>Each model gets a score from 0 to 1 on seven dimensions. A dimension that is unknown for
 * either model is scored for neither (comparing a known value with a gap would reward the gap or
 * punish it), and drops out of both totals. A model's total is its weighted mean over the scored
 * dimensions, 0 to 100. The safer model has the higher total; on a tie, the one with more tracked
 * routes, then the one whose id sorts first. The alternative is recommended for the dimension
 * where it gains the most weighted points over the safer model.
 *
 * <p>Scores come from {@code StrictMath} where a logarithm is needed and are carried as decimals of
 * {@value #SCALE} places, so totals add up exactly and the same in either order; the page shows
 * scores to 2 places and totals to 1, rounded half up.
 */
final class VerdictScoring {

    /** The dimensions in table order, each with its label, the phrase the sentence uses, and its weight. */
    enum Dimension {
        CONTEXT_WINDOW("Context window", "long context", false, Weights::contextWindow),
        CAPABILITY_BREADTH("Capability breadth", "capability breadth", false, Weights::capabilityBreadth),
        LICENSE_OPENNESS("License openness", "license openness", false, Weights::licenseOpenness),
        PROVIDER_COVERAGE("Provider coverage", "provider fit", false, Weights::providerCoverage),
        PRICE("Price", "cost", false, Weights::price),
        SHARED_BENCHMARKS("Shared benchmarks", "benchmark results", true, Weights::benchmarks),
        RECENCY("Recency", "recency", false, Weights::recency);

        final String label;
        final String phrase;
        /** Whether the phrase is plural: "benchmark results matter", "cost matters". */
        final boolean plural;
        private final Function<Weights, BigDecimal> weight;

        Dimension(String label, String phrase, boolean plural, Function<Weights, BigDecimal> weight) {
            this.label = label;
            this.phrase = phrase;
            this.plural = plural;
            this.weight = weight;
        }

        /** "cost matters", "benchmark results matter". */
        String matters() {
            return phrase + (plural ? " matter" : " matters");
        }

        BigDecimal weightIn(Weights weights) {
            BigDecimal given = weight.apply(weights);
            return given == null ? BigDecimal.ZERO : given;
        }
    }

    static final int SCALE = 12;

    /** 8,192 tokens (2^13) scores 0, 1,048,576 (2^20) scores 1, each doubling in between 1/7 more. */
    private static final double SMALLEST_CONTEXT_LOG2 = 13;
    private static final double CONTEXT_DOUBLINGS = 7;
    /** Sixteen tracked routes give a full provider-coverage score. */
    private static final int FULL_COVERAGE_ROUTES = 16;
    /** A model released two years (24 average months of 30.44 days) before the other scores 0 on recency. */
    private static final BigDecimal DAYS_TO_ZERO_RECENCY = new BigDecimal("30.44").multiply(BigDecimal.valueOf(24));
    private static final BigDecimal CAPABILITY_COUNT = BigDecimal.valueOf(Capability.values().length);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Weights weights;

    VerdictScoring(Weights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /**
     * The verdict, and for each model its strongest lead: the scored dimension where it gains the most
     * weighted points over the other ({@code null} when it leads nowhere). The alternative's strongest
     * lead is the dimension the verdict names.
     */
    record Scoring(Verdict verdict, Dimension leadA, Dimension leadB) {
    }

    Verdict verdict(Contender a, Contender b, SharedBenchmarks benchmarks) {
        return score(a, b, benchmarks).verdict();
    }

    Scoring score(Contender a, Contender b, SharedBenchmarks benchmarks) {
        List<Scored> table = List.of(
                contextWindow(a, b),
                capabilityBreadth(a, b),
                licenseOpenness(a, b),
                providerCoverage(a, b),
                price(a, b),
                sharedBenchmarks(benchmarks),
                recency(a, b));
        BigDecimal totalA = total(table, Scored::a);
        BigDecimal totalB = total(table, Scored::b);
        boolean aIsSafer = isFirstSafer(a, totalA, b, totalB);
        Contender safer = aIsSafer ? a : b;
        Contender alternative = aIsSafer ? b : a;
        Dimension leadA = strongestDimensionOf(table, Scored::a, Scored::b);
        Dimension leadB = strongestDimensionOf(table, Scored::b, Scored::a);
        Dimension strongest = aIsSafer ? leadB : leadA;
        String sentence = strongest == null
                ? safer.name() + " is safer overall and leads on every scored dimension."
                : safer.name() + " is safer overall; choose " + alternative.name() + " when " + strongest.matters() + ".";
        List<DimensionScore> rows = new ArrayList<>();
        for (Scored scored : table) {
            rows.add(scored.shown());
        }
        return new Scoring(new Verdict(safer.id(), alternative.id(), strongest == null ? null : strongest.phrase, sentence,
                rows, rounded(totalA, 1), rounded(totalB, 1)), leadA, leadB);
    }

    // The seven dimensions, in table order.

    private Scored contextWindow(Contender a, Contender b) {
        Integer tokensA = Models.contextWindow(a.model());
        Integer tokensB = Models.contextWindow(b.model());
        if (tokensA == null || tokensB == null) {
            return notScored(Dimension.CONTEXT_WINDOW, a, tokensA == null, b, tokensB == null, "sourced context window");
        }
        return scored(Dimension.CONTEXT_WINDOW, contextScore(tokensA), contextScore(tokensB),
                Texts.versus(Formats.tokens(tokensA), Formats.tokens(tokensB)) + " tokens");
    }

    static BigDecimal contextScore(int tokens) {
        double log2 = StrictMath.log(tokens) / StrictMath.log(2);
        return decimal(clamp((log2 - SMALLEST_CONTEXT_LOG2) / CONTEXT_DOUBLINGS));
    }

    private Scored capabilityBreadth(Contender a, Contender b) {
        boolean unknownA = Capability.noneKnown(a.model());
        boolean unknownB = Capability.noneKnown(b.model());
        if (unknownA || unknownB) {
            return notScored(Dimension.CAPABILITY_BREADTH, a, unknownA, b, unknownB, "capability data");
        }
        int countA = Capability.allExposedBy(a.model()).size();
        int countB = Capability.allExposedBy(b.model()).size();
        return scored(Dimension.CAPABILITY_BREADTH, share(countA), share(countB),
                Texts.versus(String.valueOf(countA), String.valueOf(countB)) + " of " + CAPABILITY_COUNT + " capabilities");
    }

    private static BigDecimal share(int capabilities) {
        return BigDecimal.valueOf(capabilities).divide(CAPABILITY_COUNT, SCALE, RoundingMode.HALF_UP);
    }

    private Scored licenseOpenness(Contender a, Contender b) {
        BigDecimal opennessA = Licenses.openness(a.model());
        BigDecimal opennessB = Licenses.openness(b.model());
        if (opennessA == null || opennessB == null) {
            return notScored(Dimension.LICENSE_OPENNESS, a, opennessA == null, b, opennessB == null, "license data");
        }
        return scored(Dimension.LICENSE_OPENNESS, opennessA, opennessB,
                Texts.versus(Licenses.label(a.model()), Licenses.label(b.model())));
    }

    private Scored providerCoverage(Contender a, Contender b) {
        int routesA = a.prices().tracked();
        int routesB = b.prices().tracked();
        return scored(Dimension.PROVIDER_COVERAGE, coverageScore(routesA), coverageScore(routesB),
                Texts.versus(String.valueOf(routesA), String.valueOf(routesB))
                        + (routesA == 1 && routesB == 1 ? " tracked route" : " tracked routes"));
    }

    static BigDecimal coverageScore(int routes) {
        return decimal(Math.min(1, StrictMath.log(1 + routes) / StrictMath.log(1 + FULL_COVERAGE_ROUTES)));
    }

    private Scored price(Contender a, Contender b) {
        BigDecimal costA = a.monthlyUsd();
        BigDecimal costB = b.monthlyUsd();
        if (costA == null || costB == null) {
            return notScored(Dimension.PRICE, a, costA == null, b, costB == null, "complete price");
        }
        BigDecimal cheaper = costA.min(costB);
        return scored(Dimension.PRICE, relativeTo(cheaper, costA), relativeTo(cheaper, costB),
                Texts.versus(Formats.money(costA), Formats.money(costB)) + " per month");
    }

    /** The cheaper model's cost over this one's: 1 for the cheaper, and for both when both are free. */
    private static BigDecimal relativeTo(BigDecimal cheaper, BigDecimal cost) {
        return cost.signum() == 0 ? BigDecimal.ONE.setScale(SCALE) : cheaper.divide(cost, SCALE, RoundingMode.HALF_UP);
    }

    private Scored sharedBenchmarks(SharedBenchmarks benchmarks) {
        if (benchmarks.isEmpty()) {
            return new Scored(Dimension.SHARED_BENCHMARKS, Dimension.SHARED_BENCHMARKS.weightIn(weights), null, null,
                    "not scored: no shared benchmark rows");
        }
        BigDecimal sumA = BigDecimal.ZERO;
        BigDecimal sumB = BigDecimal.ZERO;
        for (SharedBenchmarks.Row row : benchmarks.rows()) {
            BigDecimal higher = row.a().score().max(row.b().score());
            sumA = sumA.add(relativeToBest(row.a().score(), higher));
            sumB = sumB.add(relativeToBest(row.b().score(), higher));
        }
        BigDecimal rows = BigDecimal.valueOf(benchmarks.count());
        return scored(Dimension.SHARED_BENCHMARKS, sumA.divide(rows, SCALE, RoundingMode.HALF_UP),
                sumB.divide(rows, SCALE, RoundingMode.HALF_UP),
                Texts.count(benchmarks.count(), "shared benchmark row", "shared benchmark rows"));
    }

    /** This result over the better one on the row, between 0 and 1; when the best is not above zero, both count as best. */
    private static BigDecimal relativeToBest(BigDecimal score, BigDecimal best) {
        if (best.signum() <= 0) {
            return BigDecimal.ONE.setScale(SCALE);
        }
        return score.max(BigDecimal.ZERO).divide(best, SCALE, RoundingMode.HALF_UP);
    }

    private Scored recency(Contender a, Contender b) {
        LocalDate releasedA = a.model().releaseDate();
        LocalDate releasedB = b.model().releaseDate();
        if (releasedA == null || releasedB == null) {
            return notScored(Dimension.RECENCY, a, releasedA == null, b, releasedB == null, "release date");
        }
        long days = Math.abs(ChronoUnit.DAYS.between(releasedA, releasedB));
        BigDecimal older = BigDecimal.ONE.subtract(BigDecimal.valueOf(days).divide(DAYS_TO_ZERO_RECENCY, SCALE,
                RoundingMode.HALF_UP)).max(BigDecimal.ZERO);
        BigDecimal newer = BigDecimal.ONE;
        int order = releasedA.compareTo(releasedB);
        return scored(Dimension.RECENCY, order >= 0 ? newer : older, order <= 0 ? newer : older,
                releasedA.equals(releasedB) ? "both released " + releasedA : "released " + releasedA + " vs " + releasedB);
    }

    // Totals, the safer model and the alternative's strongest dimension.

    /** 100 × Σ(weight × score) / Σ(weights of the scored dimensions); {@code null} when nothing weighs. */
    private static BigDecimal total(List<Scored> table, Function<Scored, BigDecimal> score) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Scored row : table) {
            if (row.isScored()) {
                weighted = weighted.add(row.weight().multiply(score.apply(row)));
                weights = weights.add(row.weight());
            }
        }
        if (weights.signum() == 0) {
            return null;
        }
        return HUNDRED.multiply(weighted).divide(weights, SCALE, RoundingMode.HALF_UP);
    }

    private static boolean isFirstSafer(Contender a, BigDecimal totalA, Contender b, BigDecimal totalB) {
        int order = totalA == null || totalB == null ? 0 : totalA.compareTo(totalB);
        if (order == 0) {
            order = Integer.compare(a.prices().tracked(), b.prices().tracked());
        }
        if (order == 0) {
            order = b.id().compareTo(a.id());
        }
        return order >= 0;
    }

    /** The scored dimension where the alternative gains most weighted points (the earlier on a tie), or none. */
    private static Dimension strongestDimensionOf(List<Scored> table, Function<Scored, BigDecimal> alternative,
            Function<Scored, BigDecimal> safer) {
        Dimension strongest = null;
        BigDecimal largestGain = BigDecimal.ZERO;
        for (Scored row : table) {
            if (row.isScored()) {
                BigDecimal gain = row.weight().multiply(alternative.apply(row).subtract(safer.apply(row)));
                if (gain.compareTo(largestGain) > 0) {
                    largestGain = gain;
                    strongest = row.dimension();
                }
            }
        }
        return strongest;
    }

    // Building rows.

    private Scored scored(Dimension dimension, BigDecimal scoreA, BigDecimal scoreB, String reason) {
        return new Scored(dimension, dimension.weightIn(weights), scoreA, scoreB, reason);
    }

    /** "not scored: Qwen3.5-4B has no complete price", or both names when neither has it. */
    private Scored notScored(Dimension dimension, Contender a, boolean missingA, Contender b, boolean missingB,
            String what) {
        String reason = missingA && missingB
                ? "not scored: " + a.name() + " and " + b.name() + " have no " + what
                : "not scored: " + (missingA ? a.name() : b.name()) + " has no " + what;
        return new Scored(dimension, dimension.weightIn(weights), null, null, reason);
    }

    private static BigDecimal decimal(double score) {
        return BigDecimal.valueOf(score).setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }

    private static BigDecimal rounded(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    /** One dimension with both models' exact scores (both {@code null} when not scored). */
    record Scored(Dimension dimension, BigDecimal weight, BigDecimal a, BigDecimal b, String reason) {

        boolean isScored() {
            return a != null && b != null;
        }

        DimensionScore shown() {
            return new DimensionScore(dimension.label, weight, rounded(a, 2), rounded(b, 2), reason);
        }
    }
}
