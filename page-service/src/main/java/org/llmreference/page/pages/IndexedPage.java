package org.llmreference.page.pages;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.llmreference.page.rendering.ModelLink;
import org.llmreference.page.rendering.PageChange;

/**
 * A comparison page without its bytes: live (served with 200) or gone (410), rendered once per
 * revision. It is what the site's index, model pages, sitemap, feed and consistency audit read, and
 * the facts half of a {@link ServedPage}. It exists apart from {@link ServedPage} for memory: the
 * {@link PageIndex} holds one of these for every page (about 7,000 at the full catalog, a few hundred
 * bytes each), while only the cache holds pages with their gzip bytes (~7 KB each, bounded by
 * {@code llmref.page.cache-size}).
 *
 * @param occurredAt  when the edit behind the current revision was accepted (for a gone page: the withdrawal)
 * @param causedBy    the id of that edit
 * @param changes     the last changes of its facts, newest first (at most {@value #CHANGES_KEPT})
 * @param etag        entity tag of its HTML: {@code "<revision>-<hash of the HTML>"}
 * @param contentHash the content hash of the comparison it shows (live pages)
 */
public record IndexedPage(String pairId, long revision, boolean live, String title, ModelLink modelA, ModelLink modelB,
        Instant occurredAt, Instant renderedAt, String causedBy, List<PageChange> changes, String withdrawnReason,
        String etag, String contentHash) {

    /** How many changes a page remembers. */
    public static final int CHANGES_KEPT = 10;

    public IndexedPage {
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(modelA, "modelA");
        Objects.requireNonNull(modelB, "modelB");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The same page at a newer revision whose content did not change, caused by {@code newCause}. */
    IndexedPage atRevision(long newer, String newCause) {
        return new IndexedPage(pairId, newer, live, title, modelA, modelB, occurredAt, renderedAt, newCause, changes,
                withdrawnReason, etag, contentHash);
    }

    /** Whether {@code otherEtag} tags the same HTML as this page's: the same hash after the revision. */
    boolean hasSameHtmlAs(String otherEtag) {
        return etag != null && htmlHash(etag).equals(htmlHash(otherEtag));
    }

    private static String htmlHash(String etag) {
        return etag.substring(etag.indexOf('-') + 1);
    }

    /** When its facts last changed: its newest change, or its withdrawal. */
    public Instant lastChangedAt() {
        if (!live || changes.isEmpty()) {
            return occurredAt == null ? renderedAt : occurredAt;
        }
        return changes.get(0).occurredAt();
    }

    public boolean contains(String modelId) {
        return modelA.id().equals(modelId) || modelB.id().equals(modelId);
    }

    /** The summary of {@code modelId} as this page names it. */
    public ModelLink model(String modelId) {
        return modelA.id().equals(modelId) ? modelA : modelB;
    }
}
