package org.llmreference.page.pages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.llmreference.page.http.Gzip;
import org.llmreference.page.http.Representation;
import org.llmreference.page.rendering.ModelLink;
import org.llmreference.page.rendering.PageChange;

/**
 * A comparison page as stored: live (served with 200) or gone (410), rendered once per revision.
 * Only its gzip bytes are kept (in MongoDB and in memory); the HTML is what they inflate to.
 *
 * @param gzip        the page as rendered, compressed once
 * @param etag        strong entity tag of the HTML: {@code "<revision>-<hash prefix>"}
 * @param occurredAt  when the edit this revision follows from was accepted
 * @param causedBy    the id of that edit
 * @param changes     the last changes of the page's facts, newest first
 * @param contentHash the comparison's content hash (live pages)
 */
public record StoredPage(String pairId, long revision, boolean live, byte[] gzip, String etag, Instant renderedAt,
        Instant occurredAt, String causedBy, String title, ModelLink modelA, ModelLink modelB, List<PageChange> changes,
        String withdrawnReason, String contentHash) {

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

    /** The page as rendered (inflated from its gzip bytes). */
    public String html() {
        return new String(Gzip.decompress(gzip), StandardCharsets.UTF_8);
    }

    /** The same page at a newer revision whose content did not change. */
    StoredPage atRevision(long newer, String newCause) {
        return new StoredPage(pairId, newer, live, gzip, etag, renderedAt, occurredAt, newCause, title, modelA, modelB,
                changes, withdrawnReason, contentHash);
    }

    /** The page as served: its gzip bytes, its tags and {@code Last-Modified}, ready to be written. */
    public Representation representation() {
        return new Representation(Representation.HTML, gzip, null, etag, renderedAt);
    }

    public boolean contains(String modelId) {
        return modelA.id().equals(modelId) || modelB.id().equals(modelId);
    }
}
