package org.llmreference.page.comparisons;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.llmreference.contracts.comparison.Comparison;

/**
 * The latest comparison of a pair as page-service received it. {@code comparison} is absent once
 * the pair is withdrawn.
 *
 * @param live       whether the pair has a comparison (not withdrawn)
 * @param causedBy   the edit that started the chain
 * @param occurredAt when that edit was accepted
 */
public record StoredComparison(@BsonId String pairId, long revision, boolean live, Comparison comparison,
        String causedBy, Instant occurredAt) {
}
