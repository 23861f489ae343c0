package org.llmreference.comparison.graph;

import java.math.BigDecimal;
import java.util.Objects;

import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelSnapshot;

/**
 * How alike two models are, from 0 to 1: the sum of
 * <ul>
 * <li><b>family</b> 0.30 when both name the same family, else <b>vendor</b> 0.15 when both name the same vendor;</li>
 * <li><b>size class</b> 0.15 for the same class of parameter count (below 10B, 10–40B, 40–150B, 150–500B,
 * 500B and up), 0.075 for neighbouring classes;</li>
 * <li><b>context class</b> 0.15 for the same class of context window (below 64k, 64k–200k, 200k–1M, 1M and
 * up), 0.075 for neighbouring classes;</li>
 * <li><b>capabilities</b> 0.25 × the Jaccard index of the capabilities both expose (0 when neither exposes any);</li>
 * <li><b>openness</b> 0.15 when both are open-weights, or both are not.</li>
 * </ul>
 * An unknown value matches nothing. Only catalog fields count: prices change far more often than a
 * model's peers should, and a price edit must only ever touch the pages of its own model.
 */
public final class Similarity {

    private Similarity() {
    }

    /** The parts of a model that similarity reads; two models with equal features have the same peers. */
    public record Features(String family, String vendor, int sizeClass, int contextClass, int capabilities,
            Boolean openWeights) {

        static final int UNKNOWN = -1;

        public static Features of(ModelSnapshot model) {
            return new Features(blankToNull(model.family()), blankToNull(model.vendor()),
                    Similarity.sizeClass(model.parametersBillions()), Similarity.contextClass(model.contextWindow()),
                    capabilityBits(model.capabilities()), model.openWeights());
        }
    }

    public static double between(Features x, Features y) {
        double score = 0;
        if (x.family() != null && x.family().equalsIgnoreCase(Objects.requireNonNullElse(y.family(), ""))) {
            score += 0.30;
        } else if (x.vendor() != null && x.vendor().equalsIgnoreCase(Objects.requireNonNullElse(y.vendor(), ""))) {
            score += 0.15;
        }
        score += classScore(x.sizeClass(), y.sizeClass());
        score += classScore(x.contextClass(), y.contextClass());
        int union = Integer.bitCount(x.capabilities() | y.capabilities());
        if (union > 0) {
            score += 0.25 * Integer.bitCount(x.capabilities() & y.capabilities()) / union;
        }
        if (x.openWeights() != null && x.openWeights().equals(y.openWeights())) {
            score += 0.15;
        }
        return score;
    }

    public static double between(ModelSnapshot x, ModelSnapshot y) {
        return between(Features.of(x), Features.of(y));
    }

    private static double classScore(int x, int y) {
        if (x == Features.UNKNOWN || y == Features.UNKNOWN) {
            return 0;
        }
        int distance = Math.abs(x - y);
        return distance == 0 ? 0.15 : distance == 1 ? 0.075 : 0;
    }

    static int sizeClass(BigDecimal billions) {
        if (billions == null || billions.signum() <= 0) {
            return Features.UNKNOWN;
        }
        double b = billions.doubleValue();
        return b < 10 ? 0 : b < 40 ? 1 : b < 150 ? 2 : b < 500 ? 3 : 4;
    }

    static int contextClass(Integer tokens) {
        if (tokens == null || tokens <= 0) {
            return Features.UNKNOWN;
        }
        return tokens < 64_000 ? 0 : tokens < 200_000 ? 1 : tokens < 1_000_000 ? 2 : 3;
    }

    static int capabilityBits(Capabilities c) {
        Boolean[] all = {c.vision(), c.multimodal(), c.reasoning(), c.functionCalling(), c.toolUse(),
                c.structuredOutputs(), c.codeExecution(), c.ideIntegration(), c.computerUse(), c.parallelAgents()};
        int bits = 0;
        for (int i = 0; i < all.length; i++) {
            if (Boolean.TRUE.equals(all[i])) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
