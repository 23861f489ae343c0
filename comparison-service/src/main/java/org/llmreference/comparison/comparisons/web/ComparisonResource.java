package org.llmreference.comparison.comparisons.web;

import java.time.Instant;

import org.llmreference.comparison.comparisons.StoredComparison;
import org.llmreference.contracts.comparison.Comparison;

/**
 * A live comparison as last published.
 *
 * @param revision    the pair's revision (also the ETag)
 * @param contentHash hash over the comparison's content
 * @param updatedAt   when this revision was stored
 * @param causedBy    the edit this revision follows from
 * @param occurredAt  when that edit was accepted
 */
record ComparisonResource(String pairId, long revision, String contentHash, Instant updatedAt, String causedBy,
        Instant occurredAt, Comparison comparison) {

    static ComparisonResource of(StoredComparison stored) {
        return new ComparisonResource(stored.pair().toString(), stored.revision(), stored.contentHash(),
                stored.updatedAt(), stored.causedBy(), stored.occurredAt(), stored.comparison());
    }
}
