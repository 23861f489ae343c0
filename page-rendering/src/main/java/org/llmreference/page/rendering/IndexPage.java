package org.llmreference.page.rendering;

import java.util.List;

import org.llmreference.contracts.comparison.RelatedPair;

/**
 * The front page: a search form (a plain GET form, no JavaScript), the models matching it, and the
 * latest comparisons.
 *
 * @param query  what the visitor searched for, or null
 * @param models the models whose name (or id or vendor) matches, all of them without a query
 * @param latest the most recently changed comparisons
 * @param entryPoints short lists into the model directory; null: none shown
 */
public record IndexPage(String query, List<ModelLink> models, List<RelatedPair> latest, EntryPoints entryPoints) {

    public IndexPage {
        models = models == null ? List.of() : List.copyOf(models);
        latest = latest == null ? List.of() : List.copyOf(latest);
    }

    /** The front page without entry points into the directory. */
    public IndexPage(String query, List<ModelLink> models, List<RelatedPair> latest) {
        this(query, models, latest, null);
    }
}
