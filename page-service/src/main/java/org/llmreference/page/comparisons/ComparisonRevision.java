package org.llmreference.page.comparisons;

import java.time.Instant;

/**
 * Where page-service's copy of a pair's comparison stands, without the comparison.
 *
 * @param live       whether the pair has a comparison ({@code false} once the latest event withdrew it)
 * @param occurredAt when the edit behind this revision was accepted
 */
public record ComparisonRevision(String pairId, long revision, boolean live, Instant occurredAt) {
}
