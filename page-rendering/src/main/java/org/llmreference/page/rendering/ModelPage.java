package org.llmreference.page.rendering;

import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.contracts.comparison.RelatedPair;

/**
 * A model's page: its facts and every comparison it is in.
 *
 * @param facts       label and value rows about this model alone (specs, prices, capabilities), taken
 *                    from its latest comparison; each row's {@code a} cell is this model's value, {@code b} unused
 * @param comparisons every live comparison of the model, by title
 * @param pricing     its routes and monthly cost at the workload; null when no comparison carries them
 * @param workload    the calculator's form; null for the page's own traffic
 */
public record ModelPage(ModelSummary model, List<FactRow> facts, List<RelatedPair> comparisons, ModelPricing pricing,
        Workload workload) {

    /** The page without routes and calculator. */
    public ModelPage(ModelSummary model, List<FactRow> facts, List<RelatedPair> comparisons) {
        this(model, facts, comparisons, null, null);
    }

    public ModelPage {
        Objects.requireNonNull(model, "model");
        facts = facts == null ? List.of() : List.copyOf(facts);
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    }
}
