package org.llmreference.page.site;

import java.util.ArrayList;
import java.util.List;

import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.Fact;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.FactTable;
import org.llmreference.contracts.comparison.ModelSummary;

/**
 * One model's facts, taken from a comparison it is in: its side of the specs, pricing and
 * capabilities rows (in the {@code a} cell; {@code b} unused).
 */
final class ModelFacts {

    private ModelFacts() {
    }

    static List<FactRow> of(Comparison comparison, String modelId) {
        boolean isA = comparison.modelA().id().equals(modelId);
        List<FactRow> facts = new ArrayList<>();
        for (FactTable table : new FactTable[] { comparison.specs(), comparison.pricing(), comparison.capabilities() }) {
            if (table != null) {
                for (FactRow row : table.rows()) {
                    facts.add(new FactRow(row.label(), isA ? row.a() : row.b(), Fact.unknown()));
                }
            }
        }
        return facts;
    }

    static ModelSummary summary(Comparison comparison, String modelId) {
        return comparison.modelA().id().equals(modelId) ? comparison.modelA() : comparison.modelB();
    }
}
