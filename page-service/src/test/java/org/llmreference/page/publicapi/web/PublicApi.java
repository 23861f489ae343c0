package org.llmreference.page.publicapi.web;

import java.time.Clock;
import java.util.List;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.page.directory.ModelDirectory;
import org.llmreference.page.facts.FactsView;
import org.llmreference.page.ondemand.OnDemandPairs;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.Site;

/** The public JSON controller over a facts view, wired as page-service wires it. */
final class PublicApi {

    private PublicApi() {
    }

    static PublicApiController over(FactsView facts) {
        return new PublicApiController(new DirectoryJson(new ModelDirectory(facts,
                new PageRenderer(new Site("https://llmreference.test", "LLM Reference")))), new ModelJson(facts), facts,
                new ComparisonJson(), new OnDemandPairs(facts, pair -> List.of(),
                        new ComparisonEngine(EngineSettings.defaults()), Clock.systemUTC(), 100));
    }
}
