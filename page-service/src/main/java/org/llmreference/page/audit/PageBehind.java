package org.llmreference.page.audit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A pair whose stored page does not show the comparison page-service holds for it.
 *
 * @param finding             {@code missing}, {@code behind}, {@code still-live} or {@code gone} (see {@link PagesBehind})
 * @param pageRevision        the stored page's revision; {@code null} when there is no page
 * @param comparisonRevision  the stored comparison's revision
 * @param comparisonLive      whether that comparison is live ({@code false}: it withdraws the pair)
 * @param occurredAt          when the edit behind the comparison's revision was accepted
 * @param ageSeconds          how long before the audit that was
 */
record PageBehind(String pairId, String finding, Long pageRevision, long comparisonRevision,
        boolean comparisonLive, Instant occurredAt, BigDecimal ageSeconds) {
}
