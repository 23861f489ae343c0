package org.llmreference.comparison.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.SourceRef;
import org.llmreference.contracts.comparison.ModelSummary;

/**
 * Readings of a model that several sections share, each answering {@code null} when the catalog
 * does not know, so that every section shows the same unknowns.
 */
final class Models {

    private Models() {
    }

    static ModelSummary summary(ModelSnapshot model) {
        return new ModelSummary(model.id(), model.name(), vendor(model), releaseYear(model), contextWindow(model),
                model.status(), model.retiresOn(), blankToNull(model.successorId()));
    }

    static Integer releaseYear(ModelSnapshot model) {
        return model.releaseDate() == null ? null : model.releaseDate().getYear();
    }

    /** The context window in tokens; a zero or negative one is no more known than a missing one. */
    static Integer contextWindow(ModelSnapshot model) {
        Integer tokens = model.contextWindow();
        return tokens == null || tokens <= 0 ? null : tokens;
    }

    static String vendor(ModelSnapshot model) {
        return blankToNull(model.vendor());
    }

    /** The decision tags as the page lists them: in catalog order, each once, blanks skipped. */
    static List<String> decisionTags(ModelSnapshot model) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : model.decisionTags()) {
            if (blankToNull(tag) != null) {
                tags.add(tag.trim());
            }
        }
        return new ArrayList<>(tags);
    }

    /** Where the model's catalog facts come from: its first source, or {@code null}. */
    static SourceRef firstSource(ModelSnapshot model) {
        return model.sources().stream().filter(s -> s != null).findFirst().orElse(null);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
