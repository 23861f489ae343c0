package org.llmreference.page.ondemand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.testsupport.Fixtures.aModel;
import static org.llmreference.testsupport.Fixtures.aRoute;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.page.facts.FactsView;
import org.llmreference.page.facts.FactsViewAccess;
import org.llmreference.page.ondemand.OnDemandPairs.Computed;
import org.llmreference.page.ondemand.OnDemandPairs.MovedTo;
import org.llmreference.page.ondemand.OnDemandPairs.NotReady;
import org.llmreference.page.ondemand.OnDemandPairs.Outcome;
import org.llmreference.page.ondemand.OnDemandPairs.Unknown;

class OnDemandPairsTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    private final FactsView facts = new FactsView();
    private final OnDemandPairs pairs = new OnDemandPairs(facts,
            pair -> List.of(new RelatedPair("a-vs-c", "A vs C")), new ComparisonEngine(EngineSettings.defaults()),
            Clock.fixed(AT, ZoneOffset.UTC), 3);
    private long revision;

    @Test
    void computesAnyPairOfLiveModelsWithTheEngine() {
        model(aModel("gpt-oss-20b").named("gpt-oss-20b").withContextWindow(131_072).build());
        model(aModel("qwen3.5-4b").named("Qwen3.5 4B").withContextWindow(262_144).build());
        routes("gpt-oss-20b", aRoute("openrouter").named("OpenRouter").priced("0.03", "0.14").build());
        routes("qwen3.5-4b", aRoute("alibaba").named("Alibaba").priced("0.05", "0.20").build());

        OnDemandComparison page = computed(pairs.find(PairId.of("qwen3.5-4b", "gpt-oss-20b")));

        assertThat(page.comparison().pairId()).isEqualTo("gpt-oss-20b-vs-qwen3.5-4b");
        assertThat(page.comparison().title()).contains("gpt-oss-20b", "Qwen3.5 4B");
        assertThat(page.comparison().monthlyCost()).isNotNull();
        assertThat(page.comparison().related()).extracting(RelatedPair::pairId).containsExactly("a-vs-c");
    }

    @Test
    void servesTheCachedComparisonUntilEitherSideChanges() {
        model(aModel("a").build());
        model(aModel("b").build());
        routes("a", aRoute("groq").priced("1", "2").build());
        OnDemandComparison first = computed(pairs.find(PairId.of("a", "b")));

        assertThat(computed(pairs.find(PairId.of("a", "b")))).isSameAs(first);

        RouteSnapshot repriced = aRoute("groq").priced("0.5", "2").build();
        routes("a", repriced);

        assertThat(pairs.cached()).isZero();
        OnDemandComparison second = computed(pairs.find(PairId.of("a", "b")));
        assertThat(second).isNotSameAs(first);
        assertThat(second.routesA()).containsExactly(repriced);
    }

    @Test
    void dropsOnlyThePairsOfTheChangedModel() {
        List.of("a", "b", "c", "d").forEach(id -> model(aModel(id).build()));
        pairs.find(PairId.of("a", "b"));
        pairs.find(PairId.of("c", "d"));

        model(aModel("a").named("A renamed").build());

        assertThat(pairs.cached()).isEqualTo(1);
        assertThat(computed(pairs.find(PairId.of("a", "b"))).comparison().title()).contains("A renamed");
    }

    @Test
    void keepsAtMostTheBoundNumberOfPairs() {
        List.of("a", "b", "c", "d", "e").forEach(id -> model(aModel(id).build()));
        List.of("b", "c", "d", "e").forEach(other -> pairs.find(PairId.of("a", other)));

        assertThat(pairs.cached()).isLessThanOrEqualTo(3);
    }

    @Test
    void movesAPairWithAnAliasToItsModelsPair() {
        model(aModel("claude-opus-4-6").build().withAliases(List.of("claude-opus4-6")));
        model(aModel("gpt-4o").build());

        Outcome outcome = pairs.find(PairId.of("claude-opus4-6", "gpt-4o"));

        assertThat(outcome).isEqualTo(new MovedTo(PairId.parse("claude-opus-4-6-vs-gpt-4o")));
    }

    @Test
    void hasNoPageForAModelWithItsOwnAlias() {
        model(aModel("claude-opus-4-6").build().withAliases(List.of("claude-opus4-6")));

        assertThat(pairs.find(PairId.of("claude-opus-4-6", "claude-opus4-6"))).isInstanceOf(Unknown.class);
    }

    @Test
    void hasNoPageForARetiredModel() {
        model(aModel("a").build());
        model(aModel("old").withStatus(ModelStatus.RETIRED).build());

        assertThat(pairs.find(PairId.of("a", "old"))).isInstanceOf(Unknown.class);
    }

    @Test
    void asksToComeBackWhileTheViewHasNotReadTheCatalogAndDoesNotKnowASide() {
        model(aModel("a").build());

        assertThat(pairs.find(PairId.of("a", "later"))).isInstanceOf(NotReady.class);

        FactsViewAccess.markCaughtUp(facts);

        assertThat(pairs.find(PairId.of("a", "later"))).isInstanceOf(Unknown.class);
    }

    private static OnDemandComparison computed(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Computed.class);
        return ((Computed) outcome).comparison();
    }

    private void model(ModelSnapshot model) {
        facts.applyModel(Envelope.of(new ModelChanged(model, List.of("name")), model.id(), ++revision, AT, "edit"));
    }

    private void routes(String modelId, RouteSnapshot... routes) {
        facts.applyRoutes(Envelope.of(new RouteChanged(modelId, routes[0].providerId(), List.of(routes), List.of("input")),
                modelId, ++revision, AT, "edit"));
    }
}
