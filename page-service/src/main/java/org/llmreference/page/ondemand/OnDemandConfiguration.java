package org.llmreference.page.ondemand;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.recompute.ComparisonSet;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.page.facts.FactsView;
import org.llmreference.page.ondemand.web.OnDemandAnswers;
import org.llmreference.page.pages.IndexedPage;
import org.llmreference.page.pages.PageIndex;
import org.llmreference.page.rendering.PageRenderer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Pairs outside the pair graph, computed on request. {@code llmref.page.on-demand-pages} bounds the
 * cache: at most this many pairs (default 2,000), each with its computed comparison and rendered page.
 */
@Configuration(proxyBeanMethods = false)
class OnDemandConfiguration {

    @Bean
    OnDemandPairs onDemandPairs(FactsView facts, PageIndex index, Clock clock,
            @Value("${llmref.page.on-demand-pages:2000}") long maxPages) {
        return new OnDemandPairs(facts, pair -> related(index, pair), new ComparisonEngine(EngineSettings.defaults()),
                clock, maxPages);
    }

    /** Stored live pages of either side, for "Continue comparing" (at most as many as a stored page offers). */
    static List<RelatedPair> related(PageIndex index, PairId pair) {
        List<RelatedPair> related = new ArrayList<>();
        for (String side : List.of(pair.a(), pair.b())) {
            for (IndexedPage page : index.of(side)) {
                if (related.size() == ComparisonSet.RELATED_LIMIT) {
                    return related;
                }
                if (page.live()) {
                    related.add(new RelatedPair(page.pairId(), page.title()));
                }
            }
        }
        return related;
    }

    @Bean
    Picker picker(FactsView facts) {
        return new Picker(facts);
    }

    @Bean
    OnDemandAnswers onDemandAnswers(OnDemandPairs pairs, PageRenderer renderer, Clock clock,
            @Value("${llmref.page.on-demand-pages:2000}") long maxPages) {
        return new OnDemandAnswers(pairs, renderer, clock, maxPages);
    }
}
