package org.llmreference.page.rendering;

import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.comparison.RelatedPair;

/**
 * A withdrawn comparison (410): why, links to the pages of its two models that remain, and, when a
 * model was retired for a successor, the same comparison with the successor.
 *
 * @param successors the comparisons that replace this one: a retired model's successor against the
 *                   other model
 */
public record GonePage(String pairId, String title, String reason, List<ModelLink> models,
        List<RelatedPair> successors) {

    public GonePage {
        Objects.requireNonNull(pairId, "pairId");
        models = models == null ? List.of() : List.copyOf(models);
        successors = successors == null ? List.of() : List.copyOf(successors);
    }

    public GonePage(String pairId, String title, String reason, List<ModelLink> models) {
        this(pairId, title, reason, models, List.of());
    }
}
