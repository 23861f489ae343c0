package org.llmreference.comparison.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.llmreference.contracts.comparison.Tradeoff;

/**
 * "Decision tradeoffs": the "Choose X when..." bullets, each a signal in the data that favours X
 * over the other model. A bullet keeps the situation it argues for, which the deep dive's closing
 * paragraph names for the first bullet of each model.
 *
 * <p>The bullets agree with the verdict: X's strongest lead in the verdict's scoring (the dimension
 * the verdict names when X is the alternative) is always among X's bullets when the verdict names it,
 * and takes the place of "No tracked signal favours X" when X leads somewhere.
 */
final class Tradeoffs {

    /**
     * One bullet.
     *
     * @param text   the bullet as shown
     * @param choice    when it applies, to complete "Choose X when ..."; {@code null} when no signal favours X
     * @param dimension the verdict dimension the bullet argues on, {@code null} for none
     */
    record Bullet(String text, String choice, VerdictScoring.Dimension dimension) {

        Bullet(String text, String choice) {
            this(text, choice, null);
        }
    }

    private Tradeoffs() {
    }

    static Tradeoff of(Contender x, List<Bullet> bullets) {
        return new Tradeoff(x.id(), bullets.stream().map(Bullet::text).collect(Collectors.toList()));
    }

    /** The signals favouring {@code x} over {@code y}, in page order; one "no signal" bullet when there are none. */
    static List<Bullet> favouring(Contender x, Contender y) {
        return favouring(x, y, null, false);
    }

    /**
     * The signals favouring {@code x} over {@code y}, in page order.
     *
     * @param lead  x's strongest lead in the verdict's scoring, {@code null} when it leads nowhere
     * @param named whether the verdict names that lead ("choose x when ... matters"): it is then
     *              always among the bullets; otherwise it is only added when no other signal favours x
     */
    static List<Bullet> favouring(Contender x, Contender y, VerdictScoring.Dimension lead, boolean named) {
        List<Bullet> bullets = new ArrayList<>();
        if (x.prices().tracked() > y.prices().tracked()) {
            bullets.add(new Bullet(x.name() + " has broader tracked provider coverage for fallback and procurement flexibility.",
                    "provider fit and broader provider choice are central to the workload",
                    VerdictScoring.Dimension.PROVIDER_COVERAGE));
        }
        if (hasLargerContextWindow(x, y)) {
            bullets.add(new Bullet(x.name() + " has the larger context window for long prompts, retrieval packs, or transcript analysis.",
                    "long-context analysis and larger context windows are more important",
                    VerdictScoring.Dimension.CONTEXT_WINDOW));
        }
        if (costsLess(x, y)) {
            bullets.add(new Bullet(x.name() + " has the lower monthly cost at the stated traffic (" + Formats.money(x.monthlyUsd())
                    + " vs " + Formats.money(y.monthlyUsd()) + ").",
                    "lower token spend at the stated traffic is the priority", VerdictScoring.Dimension.PRICE));
        }
        List<Capability> unique = Capability.uniqueTo(x.model(), y.model());
        if (!unique.isEmpty()) {
            bullets.add(new Bullet(x.name() + " uniquely exposes " + Texts.list(Capability.labels(unique)) + " in local model data.",
                    Texts.list(Capability.prose(unique)) + " " + Texts.agree(unique, "is", "are") + " required",
                    VerdictScoring.Dimension.CAPABILITY_BREADTH));
        }
        boolean shown = bullets.stream().anyMatch(bullet -> bullet.dimension() == lead);
        if (lead != null && !shown && (named || bullets.isEmpty())) {
            Bullet bullet = leading(x, y, lead);
            if (bullet != null) {
                bullets.add(bullet);
            }
        }
        List<String> tags = Models.decisionTags(x.model());
        if (!tags.isEmpty()) {
            bullets.add(new Bullet("Local decision data tags " + x.name() + " for " + Texts.list(tags) + ".",
                    "the workload matches " + Texts.list(tags)));
        }
        if (bullets.isEmpty()) {
            bullets.add(new Bullet("No tracked signal favours " + x.name() + " yet.", null));
        }
        return bullets;
    }

    /**
     * The bullet for a lead the signals above do not state: a more open license, higher shared
     * benchmark results, a newer release. {@code null} for a dimension a signal above always states
     * when x leads on it.
     */
    private static Bullet leading(Contender x, Contender y, VerdictScoring.Dimension lead) {
        switch (lead) {
            case LICENSE_OPENNESS:
                return new Bullet(x.name() + " has the more open license (" + Licenses.label(x.model()) + " vs "
                        + Licenses.label(y.model()) + ").", "a more open license matters for self-hosting or redistribution", lead);
            case SHARED_BENCHMARKS:
                SharedBenchmarks shared = SharedBenchmarks.of(x.model(), y.model());
                long higher = shared.rows().stream().filter(row -> row.a().score().compareTo(row.b().score()) > 0).count();
                return new Bullet(x.name() + " scores higher on " + higher + " of "
                        + Texts.count(shared.count(), "shared benchmark", "shared benchmarks") + ".",
                        "benchmark results matter most", lead);
            case RECENCY:
                return new Bullet(x.name() + " is the newer release (" + x.model().releaseDate() + " vs "
                        + y.model().releaseDate() + ").", "the newest release matters", lead);
            default:
                return null;
        }
    }

    /** A known context window beats a larger one only; an unknown one loses to any known one. */
    private static boolean hasLargerContextWindow(Contender x, Contender y) {
        Integer tokensX = Models.contextWindow(x.model());
        Integer tokensY = Models.contextWindow(y.model());
        return tokensX != null && (tokensY == null || tokensX > tokensY);
    }

    private static boolean costsLess(Contender x, Contender y) {
        BigDecimal costX = x.monthlyUsd();
        BigDecimal costY = y.monthlyUsd();
        return costX != null && costY != null && costX.compareTo(costY) < 0;
    }
}
