package org.llmreference.comparison.comparisons;

import java.util.List;

import org.llmreference.contracts.PairId;

/** The pairs editors curated, as stored: the comparison set is built with them at start. */
public interface Curations {

    List<PairId> all();
}
