package org.llmreference.page.pages;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.llmreference.page.http.Representation;
import org.llmreference.page.rendering.ModelLink;
import org.llmreference.page.rendering.PageChange;

/**
 * A comparison page as stored: live (served with 200) or gone (410), rendered once per revision.
 *
 * @param html        the page as rendered; absent when loaded for serving (the gzip is served, and inflated for the rare client that refuses gzip)
 * @param gzip        {@code html} compressed once
 * @param etag        strong entity tag of {@code html}: {@code "<revision>-<hash prefix>"}
 * @param occurredAt  when the edit this revision follows from was accepted
 * @param causedBy    the id of that edit
 * @param changes     the last changes of the page's facts, newest first
 * @param contentHash the comparison's content hash (live pages)
 */
public record StoredPage(String pairId, long revision, boolean live, String html, byte[] gzip, String etag,
        Instant renderedAt, Instant occurredAt, String causedBy, String title, ModelLink modelA, ModelLink modelB,
        List<PageChange> changes, String withdrawnReason, String contentHash) {

    /** How many changes a page remembers. */
    public static final int CHANGES_KEPT = 10;

    public StoredPage {
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(gzip, "gzip");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(renderedAt, "renderedAt");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(modelA, "modelA");
        Objects.requireNonNull(modelB, "modelB");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** This page as served: the gzip bytes (the HTML stays in MongoDB). */
    public StoredPage servable() {
        return html == null ? this : new StoredPage(pairId, revision, live, null, gzip, etag, renderedAt, occurredAt,
                causedBy, title, modelA, modelB, changes, withdrawnReason, contentHash);
    }

    /** The same page at a newer revision whose content did not change. */
    StoredPage atRevision(long newer, String newCause) {
        return new StoredPage(pairId, newer, live, html, gzip, etag, renderedAt, occurredAt, newCause, title, modelA,
                modelB, changes, withdrawnReason, contentHash);
    }

    public Representation representation() {
        byte[] plain = html == null ? null : html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new Representation(Representation.HTML, gzip, plain, etag, renderedAt);
    }

    public boolean contains(String modelId) {
        return modelA.id().equals(modelId) || modelB.id().equals(modelId);
    }

    /** Rough size in memory, for the cache's budget. */
    long weight() {
        return gzip.length + 1024L + (html == null ? 0 : 2L * html.length());
    }
}
