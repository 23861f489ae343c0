package org.llmreference.page.rendering;

import java.util.List;

/** A helpful 404: what was asked for, and models whose name resembles it. */
public record NotFoundPage(String path, List<ModelLink> suggestions) {

    public NotFoundPage {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }
}
