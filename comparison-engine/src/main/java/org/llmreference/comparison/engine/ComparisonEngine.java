package org.llmreference.comparison.engine;

import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.PairId;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.MonthlyCost;
import org.llmreference.contracts.comparison.RelatedPair;

/**
 * Computes the content of one comparison page from two models, their price lists and the pair's
 * neighbours in the graph. Pure: the same inputs always give an equal {@link Comparison}.
 *
 * <p>Each section has its own small class; this one composes them in page order, so reading
 * {@link #compareInOrder} is reading the page from top to bottom.
 */
public final class ComparisonEngine {

    private final EngineSettings settings;
    private final MonthlyCosts monthlyCosts;
    private final VerdictScoring verdictScoring;

    public ComparisonEngine(EngineSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.monthlyCosts = new MonthlyCosts(settings.profile(), settings.curveRequests());
        this.verdictScoring = new VerdictScoring(settings.weights());
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The comparison of two different models, model A being the one whose id sorts first. */
    public Comparison compare(Side x, Side y, List<RelatedPair> related) {
        return x.id().compareTo(y.id()) < 0 ? compareInOrder(x, y, related) : compareInOrder(y, x, related);
    }

    /** The comparison with {@code a} as model A, whatever the ids' order (for symmetry tests). */
    Comparison compareInOrder(Side a, Side b, List<RelatedPair> related) {
        MonthlyCost monthlyCost = monthlyCosts.compare(a, b);
        Contender first = new Contender(a, monthlyCost.models().get(0));
        Contender second = new Contender(b, monthlyCost.models().get(1));
        SharedBenchmarks benchmarks = SharedBenchmarks.of(a.model(), b.model());
        VerdictScoring.Scoring scoring = verdictScoring.score(first, second, benchmarks);
        boolean aIsAlternative = a.id().equals(scoring.verdict().alternativeModelId());
        List<Tradeoffs.Bullet> favouringA = Tradeoffs.favouring(first, second, scoring.leadA(), aIsAlternative);
        List<Tradeoffs.Bullet> favouringB = Tradeoffs.favouring(second, first, scoring.leadB(), !aIsAlternative);

        return new Comparison(
                PairId.of(a.id(), b.id()).toString(),
                Models.summary(a.model()),
                Models.summary(b.model()),
                a.name() + " vs " + b.name(),
                Intro.of(a.model(), b.model()),
                scoring.verdict(),
                Scorecard.rows(a, b, benchmarks),
                List.of(Tradeoffs.of(first, favouringA), Tradeoffs.of(second, favouringB)),
                monthlyCost,
                List.of(SwitchFrictions.moving(a, b), SwitchFrictions.moving(b, a)),
                Tables.specs(a.model(), b.model()),
                Tables.pricing(a, b),
                Tables.capabilities(a.model(), b.model()),
                Tables.benchmarks(a.model(), b.model(), benchmarks),
                DeepDive.paragraphs(a, b, favouringA, favouringB),
                Faqs.of(a, b),
                related,
                Provenance.lastReviewed(a, b),
                Provenance.sources(a, b),
                MonthlyCosts.routeCosts(a.priced(), settings.profile()),
                MonthlyCosts.routeCosts(b.priced(), settings.profile()),
                PriceHistories.ofCheapestRoute(a, monthlyCost.models().get(0)),
                PriceHistories.ofCheapestRoute(b, monthlyCost.models().get(1)));
    }
}
