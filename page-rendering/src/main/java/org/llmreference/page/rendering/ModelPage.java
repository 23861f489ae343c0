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
 */
public record ModelPage(ModelSummary model, List<FactRow> facts, List<RelatedPair> comparisons) {

    public ModelPage {
        Objects.requireNonNull(model, "model");
        facts = facts == null ? List.of() : List.copyOf(facts);
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    }
}
