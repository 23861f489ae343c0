package org.llmreference.page.rendering;

import java.util.List;
import java.util.Objects;

/** A withdrawn comparison (410): why, and links to the pages of its two models that remain. */
public record GonePage(String pairId, String title, String reason, List<ModelLink> models) {

    public GonePage {
        Objects.requireNonNull(pairId, "pairId");
        models = models == null ? List.of() : List.copyOf(models);
    }
}
