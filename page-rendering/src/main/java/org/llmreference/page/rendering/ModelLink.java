package org.llmreference.page.rendering;

import java.util.Objects;

/** A model as a link: {@code /models/{id}} with its name, and its vendor when known. */
public record ModelLink(String id, String name, String vendor) {

    public ModelLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
