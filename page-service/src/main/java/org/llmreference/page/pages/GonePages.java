package org.llmreference.page.pages;

import java.util.ArrayList;
import java.util.List;

import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.page.rendering.GonePage;
import org.llmreference.page.rendering.ModelLink;

/**
 * The 410 page of a withdrawn pair: why, the same comparison with a retired model's successor, and its
 * models whose pages remain (none: the page links the index).
 */
public final class GonePages {

    private GonePages() {
    }

    public static GonePage view(String pairId, String title, String reason, ModelLink modelA, ModelLink modelB,
            PageIndex index) {
        return view(pairId, title, reason, modelA, modelB, index, null);
    }

    /** @param last the pair's last comparison, null when unknown */
    public static GonePage view(String pairId, String title, String reason, ModelLink modelA, ModelLink modelB,
            PageIndex index, Comparison last) {
        List<ModelLink> remaining = new ArrayList<>();
        for (ModelLink model : List.of(modelA, modelB)) {
            if (index.hasLiveComparisons(model.id(), pairId)) {
                remaining.add(model);
            }
        }
        return new GonePage(pairId, title, reason, remaining, successors(last));
    }

    public static GonePage view(IndexedPage page, PageIndex index) {
        return view(page, index, null);
    }

    public static GonePage view(IndexedPage page, PageIndex index, Comparison last) {
        return view(page.pairId(), page.title(), page.withdrawnReason(), page.modelA(), page.modelB(), index, last);
    }

    /** For each model of the last comparison that is being retired for a successor: the successor against the other. */
    static List<RelatedPair> successors(Comparison last) {
        List<RelatedPair> pairs = new ArrayList<>();
        if (last != null) {
            addSuccessor(pairs, last.modelA(), last.modelB());
            addSuccessor(pairs, last.modelB(), last.modelA());
        }
        return pairs;
    }

    private static void addSuccessor(List<RelatedPair> pairs, ModelSummary model, ModelSummary other) {
        String successor = model.successorId();
        if (model.status() == ModelStatus.ACTIVE || successor == null || successor.isBlank() || successor.equals(other.id())) {
            return;
        }
        try {
            PairId pair = PairId.of(successor, other.id());
            String title = pair.a().equals(successor) ? successor + " vs " + other.name() : other.name() + " vs " + successor;
            pairs.add(new RelatedPair(pair.toString(), title));
        } catch (IllegalArgumentException notASlug) {
            // a successor id that is no model slug has no comparison to link
        }
    }
}
