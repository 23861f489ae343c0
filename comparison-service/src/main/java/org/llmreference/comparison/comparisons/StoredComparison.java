package org.llmreference.comparison.comparisons;

import java.time.Instant;

import org.llmreference.contracts.PairId;
import org.llmreference.contracts.comparison.Comparison;

/**
 * A pair as last published: the comparison while the page is live, the reason once withdrawn.
 *
 * @param updatedAt  when this revision was stored
 * @param causedBy   the edit that led to this revision
 * @param occurredAt when that edit was accepted
 */
public record StoredComparison(PairId pair, long revision, boolean live, String contentHash, Comparison comparison,
        String withdrawnReason, Instant updatedAt, String causedBy, Instant occurredAt) {
}
