package org.llmreference.page.calculator;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.page.comparisons.Comparisons;
import org.llmreference.page.comparisons.StoredComparison;
import org.llmreference.page.http.Representation;
import org.llmreference.page.pages.IndexedPage;
import org.llmreference.page.pages.PageIndex;
import org.llmreference.page.rendering.ComparisonPage;
import org.llmreference.page.rendering.PageRenderer;
import org.springframework.stereotype.Component;

/**
 * Comparison pages at a visitor's workload, rendered on request from the comparison page-service
 * holds and never kept, recomputed with the engine's cost rules. (Model pages at a workload are
 * built where model pages are, in {@code SiteViews}.)
 */
@Component
public class CalculatorPages {

    private final Comparisons comparisons;
    private final PageIndex index;
    private final PageRenderer renderer;
    private final Clock clock;

    CalculatorPages(Comparisons comparisons, PageIndex index, PageRenderer renderer, Clock clock) {
        this.comparisons = comparisons;
        this.index = index;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** The live comparison {@code pairId} (canonical) at the workload; empty when it has none. */
    public Optional<CalculatedPage> comparison(String pairId, Map<String, String> parameters) {
        Optional<IndexedPage> indexed = index.find(pairId).filter(IndexedPage::live);
        Optional<Comparison> stored = comparisons.find(pairId).filter(StoredComparison::live)
                .map(StoredComparison::comparison);
        if (indexed.isEmpty() || stored.isEmpty() || stored.get().monthlyCost() == null) {
            return Optional.empty();
        }
        Comparison comparison = stored.get();
        WorkloadParameters asked = WorkloadParameters.read(parameters, comparison.monthlyCost().profile());
        Comparison shown = asked.profile() == null ? comparison : WorkloadPrices.comparison(comparison, asked.profile());
        IndexedPage page = indexed.get();
        String html = renderer.comparison(new ComparisonPage(shown, page.revision(), page.occurredAt(), clock.instant(),
                page.changes(), asked.workload()));
        return Optional.of(new CalculatedPage(Representation.of(Representation.HTML, html, null, page.renderedAt()),
                asked.profile() != null));
    }
}
