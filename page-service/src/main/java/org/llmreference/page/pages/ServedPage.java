package org.llmreference.page.pages;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.llmreference.page.http.Gzip;
import org.llmreference.page.http.Representation;

/**
 * A comparison page whole: its facts ({@link IndexedPage}) and its representation, the gzip bytes
 * as rendered and compressed once with the headers they are served with. It is what is rendered,
 * held in the {@link PageCache}, served and stored; only its gzip bytes are kept (in MongoDB and in
 * memory), its HTML is what they inflate to.
 */
public record ServedPage(IndexedPage page, Representation representation) {

    public ServedPage {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(representation, "representation");
    }

    /** The page with its gzip bytes, served as HTML under the page's entity tag and render time. */
    static ServedPage of(IndexedPage page, byte[] gzip) {
        Objects.requireNonNull(page.etag(), "etag");
        Objects.requireNonNull(page.renderedAt(), "renderedAt");
        return new ServedPage(page, new Representation(Representation.HTML, gzip, null, page.etag(), page.renderedAt()));
    }

    /** The page as rendered (inflated from its gzip bytes). */
    public String html() {
        return new String(Gzip.decompress(representation.gzip()), StandardCharsets.UTF_8);
    }

    /** The same page at a newer revision whose content did not change (the same bytes). */
    ServedPage atRevision(long newer, String newCause) {
        return new ServedPage(page.atRevision(newer, newCause), representation);
    }

    /** Whichever of two pages of a pair has the newer revision ({@code present} when they are the same). */
    static ServedPage newer(ServedPage present, ServedPage offered) {
        return offered.page().revision() > present.page().revision() ? offered : present;
    }

    /** Rough size in memory, for the cache's budget: the gzip bytes, the headers, the page's facts. */
    long weight() {
        return representation.weight() + 768L + 128L * page.changes().size();
    }
}
