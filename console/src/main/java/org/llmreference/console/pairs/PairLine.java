package org.llmreference.console.pairs;

/**
 * One curated pair.
 *
 * @param live it has a page (both models in the catalog and not retired)
 * @param peer it would have a page without the curation (one model counts the other among its nearest peers)
 */
public record PairLine(String pairId, String modelA, String modelB, boolean live, boolean peer) {
}
