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
import org.llmreference.page.site.SiteViews;
import org.springframework.stereotype.Component;

/**
 * Pages at a visitor's workload, rendered on request from the comparison page-service holds and
 * never kept: a comparison page recomputed with the engine's cost rules, or a model page (which
 * {@link SiteViews} builds).
 */
@Component
public class CalculatorPages {

    private final Comparisons comparisons;
    private final PageIndex index;
    private final PageRenderer renderer;
    private final SiteViews views;
    private final Clock clock;

    CalculatorPages(Comparisons comparisons, PageIndex index, PageRenderer renderer, SiteViews views, Clock clock) {
        this.comparisons = comparisons;
        this.index = index;
        this.renderer = renderer;
        this.views = views;
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

    /** The model page at the workload; empty when the model has no live comparison. */
    public Optional<CalculatedPage> model(String modelId, Map<String, String> parameters) {
        return views.model(modelId, parameters);
    }
}
