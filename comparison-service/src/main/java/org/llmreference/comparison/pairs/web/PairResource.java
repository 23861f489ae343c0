package org.llmreference.comparison.pairs.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.llmreference.contracts.PairId;
import org.llmreference.comparison.graph.PeerGraph;

/**
 * A pair of the graph.
 *
 * @param curated    an editor curated it
 * @param peer       one model counts the other among its K nearest peers
 * @param live       it has a page (both models in the graph, and curated or peers)
 * @param similarity how alike the two models are, 0 to 1 (see the engine's Similarity)
 */
record PairResource(String pairId, String modelA, String modelB, boolean curated, boolean peer, boolean live,
        BigDecimal similarity) {

    static PairResource of(PairId pair, PeerGraph graph) {
        return new PairResource(pair.toString(), pair.a(), pair.b(), graph.isCurated(pair), graph.isPeerPair(pair),
                graph.isLive(pair), BigDecimal.valueOf(graph.similarity(pair)).setScale(3, RoundingMode.HALF_UP));
    }

    /** One page of pairs, sorted by id. */
    record Page(List<PairResource> items, int page, int size, long total) {
    }
}
