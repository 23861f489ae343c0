package org.llmreference.pricing.routes;

import java.time.Instant;

/** A change was scheduled: the timer may need to wake earlier. */
record ChangeScheduled(String modelId, Instant effectiveFrom) {
}
