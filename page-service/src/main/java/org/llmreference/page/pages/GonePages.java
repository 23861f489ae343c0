package org.llmreference.page.pages;

import java.util.ArrayList;
import java.util.List;

import org.llmreference.page.rendering.GonePage;
import org.llmreference.page.rendering.ModelLink;

/** The 410 page of a withdrawn pair: why, and its models whose pages remain (none: the page links the index). */
public final class GonePages {

    private GonePages() {
    }

    public static GonePage view(String pairId, String title, String reason, ModelLink modelA, ModelLink modelB,
            PageIndex index) {
        List<ModelLink> remaining = new ArrayList<>();
        for (ModelLink model : List.of(modelA, modelB)) {
            if (index.hasLiveComparisons(model.id(), pairId)) {
                remaining.add(model);
            }
        }
        return new GonePage(pairId, title, reason, remaining);
    }

    public static GonePage view(StoredPage page, PageIndex index) {
        return view(page.pairId(), page.title(), page.withdrawnReason(), page.modelA(), page.modelB(), index);
    }
}
