package org.llmreference.comparison.recompute;

import java.util.List;

import org.llmreference.comparison.recompute.ComparisonSet.SourceChange;

/** A change's whole work as one plan, for tests that do not slice it (the services plan in slices). */
final class WholePlans {

    private WholePlans() {
    }

    /** {@link ComparisonSet#changedWork} as one plan. */
    static Plan changed(ComparisonSet set, List<SourceChange> changes) {
        return set.next(set.changedWork(changes), Integer.MAX_VALUE);
    }

    /** {@link ComparisonSet#recomputeAllWork} as one plan. */
    static Plan recomputeAll(ComparisonSet set) {
        return set.next(set.recomputeAllWork(), Integer.MAX_VALUE);
    }
}
