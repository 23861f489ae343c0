package org.llmreference.comparison.previews.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.llmreference.comparison.recompute.Preview;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ModelCost;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of a preview: every affected page, before and after. */
record PreviewResource(List<PageResource> pages) {

    static PreviewResource of(List<Preview.Page> pages) {
        return new PreviewResource(pages.stream().map(PageResource::of).toList());
    }

    /**
     * One affected page. {@code status} is {@code added} or {@code removed} for a pair that enters or
     * leaves the graph, absent otherwise; {@code before} is absent for an added page, {@code after} for a
     * removed one; {@code changedSections} names the sections whose content would change.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PageResource(String pairId, String title, String status, Figures before, Figures after, boolean changed,
            List<String> changedSections) {

        static PageResource of(Preview.Page page) {
            String status = switch (page.status()) {
                case ADDED -> "added";
                case REMOVED -> "removed";
                case KEPT -> null;
            };
            return new PageResource(page.pair().toString(), page.title(), status, Figures.of(page.before()),
                    Figures.of(page.after()), page.changed(), page.changedSections());
        }
    }

    /** What an editor checks on a page: the verdict, the scorecard and each model's monthly cost (USD, absent when unknown). */
    record Figures(String verdict, List<Row> scorecard, String monthlyCostA, String monthlyCostB) {

        static Figures of(Optional<Comparison> comparison) {
            return comparison.map(Figures::of).orElse(null);
        }

        static Figures of(Comparison comparison) {
            List<ModelCost> costs = comparison.monthlyCost() == null ? List.of() : comparison.monthlyCost().models();
            return new Figures(comparison.verdict() == null ? null : comparison.verdict().sentence(),
                    comparison.scorecard().stream().map(row -> new Row(row.label(), row.a().text(), row.b().text())).toList(),
                    usd(costs, 0), usd(costs, 1));
        }

        private static String usd(List<ModelCost> costs, int index) {
            if (index >= costs.size()) {
                return null;
            }
            BigDecimal usd = costs.get(index).monthlyUsd();
            return usd == null ? null : usd.toPlainString();
        }
    }

    record Row(String label, String a, String b) {
    }
}
