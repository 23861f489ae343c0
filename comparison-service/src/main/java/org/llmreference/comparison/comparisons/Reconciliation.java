package org.llmreference.comparison.comparisons;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, loads the comparison set and publishes whatever changed while the service was down.
 * If MongoDB cannot be read yet, the first event loads it instead.
 */
@Component
class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final LiveComparisonSet comparisons;

    Reconciliation(LiveComparisonSet comparisons) {
        this.comparisons = comparisons;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            comparisons.read(set -> set.graph().livePairs().size());
        } catch (RuntimeException e) {
            log.warn("Could not load the comparisons at start; the first event will: {}", e.toString());
        }
    }
}
