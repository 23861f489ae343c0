package org.llmreference.page.rendering;

import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.ModelSummary;

/**
 * What a page says about a model being retired: when, and what replaces it.
 *
 * @param sentence     "gpt-4 is deprecated and retires on 2026-06-01."
 * @param successorId  the model that replaces it, null when none is known
 * @param comparisonId the same comparison with the successor, null when there is no other model or the
 *                     successor is the other model
 * @param otherName    the other model of the comparison, null on a model page
 */
record Retirement(String sentence, String successorId, String comparisonId, String otherName) {

    /** The notice of a model on a comparison page next to {@code other}, or null when it is not being retired. */
    static Retirement of(ModelSummary model, ModelSummary other) {
        String sentence = sentence(model);
        if (sentence == null) {
            return null;
        }
        String successor = model.successorId() == null || model.successorId().isBlank() ? null : model.successorId();
        String comparison = null;
        if (successor != null && other != null && !successor.equals(other.id())) {
            try {
                comparison = PairId.of(successor, other.id()).toString();
            } catch (IllegalArgumentException notASlug) {
                comparison = null; // a successor id that is no slug has no comparison page to link
            }
        }
        return new Retirement(sentence, successor, comparison, other == null ? null : other.name());
    }

    /** "X is deprecated and retires on 2026-06-01.", "X was retired on ...", or null for a model not being retired. */
    static String sentence(ModelSummary model) {
        ModelStatus status = model.status();
        String on = model.retiresOn() == null ? "" : " on " + model.retiresOn();
        if (status == ModelStatus.RETIRED) {
            return model.name() + " was retired" + on + ".";
        }
        if (status == ModelStatus.DEPRECATED) {
            return model.name() + " is deprecated" + (on.isEmpty() ? "." : " and retires" + on + ".");
        }
        return model.retiresOn() == null ? null : model.name() + " is due to retire" + on + ".";
    }
}
