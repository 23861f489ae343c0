package org.llmreference.page.rendering;

import java.util.List;

import org.llmreference.contracts.comparison.RelatedPair;

/**
 * The front page: a search form (a plain GET form, no JavaScript), the models matching it, and the
 * latest comparisons.
 *
 * @param query       what the visitor searched for, or null
 * @param models      the models whose name (or id or vendor) matches, all of them without a query
 * @param latest      the most recently changed comparisons
 * @param loading     the bulk load of the catalog under way, or null when none runs
 * @param entryPoints short lists into the model directory; null: none shown
 */
public record IndexPage(String query, List<ModelLink> models, List<RelatedPair> latest, CatalogLoad loading,
        EntryPoints entryPoints) {

    public IndexPage {
        models = models == null ? List.of() : List.copyOf(models);
        latest = latest == null ? List.of() : List.copyOf(latest);
    }

    /** The front page while no bulk load runs, without entry points into the directory. */
    public IndexPage(String query, List<ModelLink> models, List<RelatedPair> latest) {
        this(query, models, latest, null, null);
    }

    /** The front page without entry points into the directory. */
    public IndexPage(String query, List<ModelLink> models, List<RelatedPair> latest, CatalogLoad loading) {
        this(query, models, latest, loading, null);
    }

    /** The front page while no bulk load runs. */
    public IndexPage(String query, List<ModelLink> models, List<RelatedPair> latest, EntryPoints entryPoints) {
        this(query, models, latest, null, entryPoints);
    }

    /** The ids the picker suggests: those of the models listed. */
    public List<String> pickerModels() {
        return models.stream().map(ModelLink::id).toList();
    }
}
