package org.llmreference.catalog.models;

import java.util.List;

/** One page of a listing, sorted by id: {@code page} counts from 0; {@code total} is the number of matching models. */
public record ModelPage(List<LlmModel> items, int page, int size, long total) {

    public ModelPage {
        items = List.copyOf(items);
    }
}
