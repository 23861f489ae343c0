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
 */
public record IndexedPage(String pairId, long revision, boolean live, String title, ModelLink modelA, ModelLink modelB,
        Instant occurredAt, Instant renderedAt, List<PageChange> changes, String withdrawnReason) {

    public IndexedPage {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    static IndexedPage of(StoredPage page) {
        return new IndexedPage(page.pairId(), page.revision(), page.live(), page.title(), page.modelA(), page.modelB(),
                page.occurredAt(), page.renderedAt(), page.changes(), page.withdrawnReason());
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
