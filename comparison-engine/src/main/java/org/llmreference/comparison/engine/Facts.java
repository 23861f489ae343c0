package org.llmreference.comparison.engine;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.SourceRef;
import org.llmreference.contracts.comparison.Fact;
import org.llmreference.contracts.pricing.RouteSnapshot;

/**
 * Cells with their trace: a catalog fact points at the model's first source, a price at the route
 * it was read from. A missing text is an unknown cell, "-", which has nothing to trace.
 */
final class Facts {

    private Facts() {
    }

    static Fact fromModel(ModelSnapshot model, String text) {
        if (text == null) {
            return Fact.unknown();
        }
        SourceRef source = Models.firstSource(model);
        return source == null
                ? new Fact(text, null, null, null)
                : new Fact(text, source.title(), source.url(), source.reviewedAt());
    }

    static Fact fromRoute(RouteSnapshot route, String text) {
        if (text == null || route == null) {
            return Fact.unknown();
        }
        return new Fact(text, route.providerName(), route.terms().sourceUrl(), route.terms().verifiedAt());
    }

    /** A figure derived from many records at once (a count of routes, a list of providers). */
    static Fact derived(String text) {
        return text == null ? Fact.unknown() : new Fact(text, null, null, null);
    }
}
