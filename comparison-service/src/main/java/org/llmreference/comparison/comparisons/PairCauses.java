package org.llmreference.comparison.comparisons;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.llmreference.comparison.comparisons.SourceChangeQueue.Waiting;
import org.llmreference.comparison.recompute.ComparisonSet.SourceChange;
import org.llmreference.contracts.PairId;

/**
 * Which edit each publication of a batch of source changes is caused by: the newest waiting change
 * to one of the pair's two models, or the newest change of the batch for a pair that only a graph
 * change touched (a model it is now, or was, a peer of).
 */
final class PairCauses implements Function<PairId, Cause> {

    private final Cause newest;
    private final Map<String, Cause> byModel;
    private final String trigger;

    private PairCauses(Cause newest, Map<String, Cause> byModel, String trigger) {
        this.newest = newest;
        this.byModel = byModel;
        this.trigger = trigger;
    }

    /** @param batch one or more changes, as they waited */
    static PairCauses of(List<Waiting> batch) {
        Cause newest = batch.stream().map(Waiting::cause).max(Comparator.comparing(Cause::occurredAt)).orElseThrow();
        Map<String, Cause> byModel = new LinkedHashMap<>();
        for (Waiting change : batch) {
            byModel.merge(change.change().modelId(), change.cause(), PairCauses::newer);
        }
        String trigger = batch.size() == 1 ? (batch.get(0).change() instanceof SourceChange.Model ? "model" : "prices")
                : "backlog";
        return new PairCauses(newest, byModel, trigger);
    }

    @Override
    public Cause apply(PairId pair) {
        Cause a = byModel.get(pair.a());
        Cause b = byModel.get(pair.b());
        if (a == null || b == null) {
            return a != null ? a : b != null ? b : newest;
        }
        return newer(a, b);
    }

    /** The newest edit of the batch, for the log. */
    Cause newest() {
        return newest;
    }

    /** What started the work, for the log and the plan timer's tag: {@code model}, {@code prices} or {@code backlog}. */
    String trigger() {
        return trigger;
    }

    private static Cause newer(Cause a, Cause b) {
        return b.occurredAt().isAfter(a.occurredAt()) ? b : a;
    }
}
