package org.llmreference.comparison.recompute;

import java.util.Map;
import java.util.Objects;

import org.llmreference.contracts.PairId;

/**
 * The last thing published about a pair: its revision, whether its page is live, and the hashes of
 * the comparison then published (none once withdrawn).
 */
public record PublishedPair(PairId pair, long revision, boolean live, String contentHash,
        Map<String, String> sectionHashes) {

    public PublishedPair {
        Objects.requireNonNull(pair, "pair");
        sectionHashes = sectionHashes == null ? Map.of() : Map.copyOf(sectionHashes);
    }
}
