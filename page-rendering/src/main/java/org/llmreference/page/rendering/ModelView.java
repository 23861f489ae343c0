package org.llmreference.page.rendering;

import java.util.Locale;

import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.ModelSummary;

/**
 * What {@code model.jte} shows: the model page and the footnotes of its facts. A model page has no
 * rendering time, so nothing on it is marked possibly stale; each note still gives its verified date.
 */
final class ModelView {

    private final Site site;
    private final ModelPage page;
    private final Notes notes = new Notes(null);

    ModelView(Site site, ModelPage page) {
        this.site = site;
        this.page = page;
        for (FactRow row : page.facts()) {
            if (row != null) {
                notes.add(row.a());
            }
        }
    }

    Site site() {
        return site;
    }

    ModelPage page() {
        return page;
    }

    ModelSummary model() {
        return page.model();
    }

    Notes notes() {
        return notes;
    }

    String canonical() {
        return site.baseUrl() + Links.model(page.model().id());
    }

    String vendor() {
        return Formats.text(page.model().vendor());
    }

    String released() {
        return page.model().releaseYear() == null ? Formats.UNKNOWN : page.model().releaseYear().toString();
    }

    String contextWindow() {
        Integer tokens = page.model().contextWindow();
        return tokens == null ? Formats.UNKNOWN : Formats.count(tokens) + " tokens";
    }

    /** "X is deprecated and retires on 2026-06-01.", null for a model not being retired. */
    String retirement() {
        return Retirement.sentence(page.model());
    }

    String status() {
        return page.model().status() == null ? Formats.UNKNOWN
                : page.model().status().name().toLowerCase(Locale.ROOT);
    }

    /** "gpt-oss-20b by OpenAI: its facts and comparisons.", for the meta description. */
    String description() {
        String vendor = page.model().vendor();
        return page.model().name() + (vendor == null || vendor.isBlank() ? "" : " by " + vendor)
                + ": specs, prices, capabilities and every comparison it is in.";
    }
}
