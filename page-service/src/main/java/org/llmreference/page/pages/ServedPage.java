package org.llmreference.page.pages;

import org.llmreference.page.http.Representation;

/** A page held in memory for serving: the stored page and its representation, built once. */
public record ServedPage(StoredPage page, Representation representation) {

    static ServedPage of(StoredPage page) {
        return new ServedPage(page, page.representation());
    }

    /** Rough size in memory, for the cache's budget: the gzip bytes, the headers, the page's facts. */
    long weight() {
        return representation.weight() + 768L + 128L * page.changes().size();
    }
}
