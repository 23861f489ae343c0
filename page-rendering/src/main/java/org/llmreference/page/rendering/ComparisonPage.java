package org.llmreference.page.rendering;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.comparison.Comparison;

/**
 * What a comparison page shows: the computed comparison and how fresh it is.
 *
 * @param revision   the comparison's revision
 * @param occurredAt when the editor's change that led to this revision was accepted
 * @param renderedAt when this page was rendered (freshness = renderedAt − occurredAt)
 * @param changes    the last changes to this page's facts, newest first
 * @param workload   the calculator's form; null for the page's own traffic
 * @param onDemand   computed on request for a pair without a stored page: {@code noindex}
 */
public record ComparisonPage(Comparison comparison, long revision, Instant occurredAt, Instant renderedAt,
        List<PageChange> changes, Workload workload, boolean onDemand) {

    /** A stored pair's page, at its own traffic or a visitor's workload. */
    public ComparisonPage(Comparison comparison, long revision, Instant occurredAt, Instant renderedAt,
            List<PageChange> changes, Workload workload) {
        this(comparison, revision, occurredAt, renderedAt, changes, workload, false);
    }

    /** The page at its own traffic. */
    public ComparisonPage(Comparison comparison, long revision, Instant occurredAt, Instant renderedAt,
            List<PageChange> changes) {
        this(comparison, revision, occurredAt, renderedAt, changes, null);
    }

    public ComparisonPage {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(renderedAt, "renderedAt");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
