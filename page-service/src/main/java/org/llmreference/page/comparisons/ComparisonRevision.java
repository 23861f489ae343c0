package org.llmreference.page.comparisons;

import java.time.Instant;

/**
 * Where page-service's copy of a pair's comparison stands, without the comparison.
 *
 * @param withdrawn  whether the latest event withdrew the pair
 * @param occurredAt when the edit behind this revision was accepted
 */
public record ComparisonRevision(String pairId, long revision, boolean withdrawn, Instant occurredAt) {
}
