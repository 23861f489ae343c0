package org.llmreference.comparison.comparisons;

import java.util.List;
import java.util.Map;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;

/**
 * What the comparisons are computed from, as stored: every model snapshot and every price list. The
 * comparison set is built from it at start; the sources' projections implement it.
 */
public interface Sources {

    /** Every model snapshot stored, retired ones included. */
    List<ModelSnapshot> allModels();

    /** Every price list stored, by model id. */
    Map<String, List<RouteSnapshot>> allPriceLists();
}
