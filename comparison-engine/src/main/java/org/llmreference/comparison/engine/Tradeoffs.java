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
 */
final class Tradeoffs {

    /**
     * One bullet.
     *
     * @param text   the bullet as shown
     * @param choice when it applies, to complete "Choose X when ..."; {@code null} when no signal favours X
     */
    record Bullet(String text, String choice) {
    }

    private Tradeoffs() {
    }

    static Tradeoff of(Contender x, List<Bullet> bullets) {
        return new Tradeoff(x.id(), bullets.stream().map(Bullet::text).collect(Collectors.toList()));
    }

    /** The signals favouring {@code x} over {@code y}, in page order; one "no signal" bullet when there are none. */
    static List<Bullet> favouring(Contender x, Contender y) {
        List<Bullet> bullets = new ArrayList<>();
        if (x.prices().tracked() > y.prices().tracked()) {
            bullets.add(new Bullet(x.name() + " has broader tracked provider coverage for fallback and procurement flexibility.",
                    "provider fit and broader provider choice are central to the workload"));
        }
        if (hasLargerContextWindow(x, y)) {
            bullets.add(new Bullet(x.name() + " has the larger context window for long prompts, retrieval packs, or transcript analysis.",
                    "long-context analysis and larger context windows are more important"));
        }
        if (costsLess(x, y)) {
            bullets.add(new Bullet(x.name() + " has the lower monthly cost at the stated traffic (" + Formats.money(x.monthlyUsd())
                    + " vs " + Formats.money(y.monthlyUsd()) + ").",
                    "lower token spend at the stated traffic is the priority"));
        }
        List<Capability> unique = Capability.uniqueTo(x.model(), y.model());
        if (!unique.isEmpty()) {
            bullets.add(new Bullet(x.name() + " uniquely exposes " + Texts.list(Capability.labels(unique)) + " in local model data.",
                    Texts.list(Capability.prose(unique)) + " " + Texts.agree(unique, "is", "are") + " required"));
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
