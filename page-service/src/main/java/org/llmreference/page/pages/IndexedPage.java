package org.llmreference.page.pages;

import java.time.Instant;
import java.util.List;

import org.llmreference.page.rendering.ModelLink;
import org.llmreference.page.rendering.PageChange;

/**
 * What the site's index, model pages, sitemap and feed need to know of a page, without its HTML.
 *
 * @param occurredAt when the edit behind the current revision was accepted (for a gone page: the withdrawal)
 * @param changes    the last changes of its facts, newest first
 * @param etag        the stored page's entity tag ({@code "<revision>-<hash of its HTML>"})
 * @param contentHash the content hash of the comparison it shows (live pages)
 */
public record IndexedPage(String pairId, long revision, boolean live, String title, ModelLink modelA, ModelLink modelB,
        Instant occurredAt, Instant renderedAt, List<PageChange> changes, String withdrawnReason, String etag,
        String contentHash) {

    public IndexedPage {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    static IndexedPage of(StoredPage page) {
        return new IndexedPage(page.pairId(), page.revision(), page.live(), page.title(), page.modelA(), page.modelB(),
                page.occurredAt(), page.renderedAt(), page.changes(), page.withdrawnReason(), page.etag(),
                page.contentHash());
    }

    /** The same page at a newer revision whose content did not change. */
    IndexedPage atRevision(long newer) {
        return new IndexedPage(pairId, newer, live, title, modelA, modelB, occurredAt, renderedAt, changes,
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
