package org.llmreference.comparison.pairs;

import org.llmreference.comparison.comparisons.Cause;
import org.llmreference.comparison.comparisons.LiveComparisonSet;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * Editors' curation of pairs: stored first, then applied to the pair graph, whose changes are
 * published like any other. A crash in between is made good by the reconciliation at start.
 */
@Component
public class PairCuration {

    private final CuratedPairs curatedPairs;
    private final LiveComparisonSet comparisons;

    PairCuration(CuratedPairs curatedPairs, LiveComparisonSet comparisons) {
        this.curatedPairs = curatedPairs;
        this.comparisons = comparisons;
    }

    /**
     * Curates the pair.
     *
     * @return whether the pair is newly curated (false when it already was)
     * @throws ApiProblem 422 when a model is not in the catalog or is retired
     */
    public boolean curate(PairId pair, Cause cause) {
        for (String id : new String[] {pair.a(), pair.b()}) {
            ModelSnapshot model = comparisons.read(set -> set.model(id)).orElseThrow(() -> ApiProblem.unprocessable(
                    "pairId", "unknown-model", "No model '" + id + "' is in the catalog; add it there first."));
            if (model.status() == ModelStatus.RETIRED) {
                throw ApiProblem.unprocessable("pairId", "retired-model",
                        "'" + id + "' is retired; a retired model has no pages.");
            }
        }
        if (!curatedPairs.curate(pair, cause.causedBy(), cause.occurredAt())) {
            return false;
        }
        comparisons.curated(pair, cause);
        return true;
    }

    /**
     * Withdraws the curation.
     *
     * @return whether the pair was curated
     */
    public boolean uncurate(PairId pair, Cause cause) {
        if (!curatedPairs.uncurate(pair)) {
            return false;
        }
        comparisons.uncurated(pair, cause);
        return true;
    }
}
