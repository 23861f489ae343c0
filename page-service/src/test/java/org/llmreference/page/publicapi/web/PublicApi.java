package org.llmreference.page.publicapi.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.page.directory.ModelDirectory;
import org.llmreference.page.facts.FactsView;
import org.llmreference.page.ondemand.OnDemandPairs;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.Site;

/** The public JSON controller over a facts view, wired as page-service wires it, and facts to publish into the view. */
final class PublicApi {

    static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    private PublicApi() {
    }

    static PublicApiController over(FactsView facts) {
        return new PublicApiController(new DirectoryJson(new ModelDirectory(facts,
                new PageRenderer(new Site("https://llmreference.test", "LLM Reference")))), new ModelJson(facts), facts,
                new ComparisonJson(), new OnDemandPairs(facts, pair -> List.of(),
                        new ComparisonEngine(EngineSettings.defaults()), Clock.systemUTC(), 100));
    }

    /** Publishes a model, and its routes if any, into the view as the topics' readers apply them. */
    static void publish(FactsView facts, long revision, ModelSnapshot model, RouteSnapshot... routes) {
        facts.applyModel(Envelope.of(new ModelChanged(model, List.of("name")), model.id(), revision, AT, "e-" + revision));
        if (routes.length > 0) {
            facts.applyRoutes(Envelope.of(new RouteChanged(model.id(), routes[0].providerId(), List.of(routes),
                    List.of("input")), model.id(), revision, AT, "r-" + revision));
        }
    }

    /** The model with these other ids. */
    static ModelSnapshot withAliases(ModelSnapshot m, String... aliases) {
        return new ModelSnapshot(m.id(), m.name(), m.vendor(), m.family(), m.releaseDate(), m.knowledgeCutoff(),
                m.contextWindow(), m.maxOutputTokens(), m.parametersBillions(), m.architecture(), m.license(),
                m.openWeights(), m.modalities(), m.capabilities(), m.decisionTags(), m.benchmarks(), m.sources(),
                m.status(), m.retiresOn(), m.successorId(), List.of(aliases));
    }
}
