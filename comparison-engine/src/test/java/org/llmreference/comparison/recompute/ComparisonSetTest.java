package org.llmreference.comparison.recompute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.testsupport.Fixtures.aModelLike;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.engine.RandomCatalogs;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.quicktheories.core.Gen;

/**
 * Which publications a change to the sources leads to, over random catalogs: nothing without a
 * change, only the pairs of the repriced model, nothing for a repeated delivery.
 */
class ComparisonSetTest {

    static final ComparisonEngine ENGINE = new ComparisonEngine(EngineSettings.defaults());
    static final int K = 3;

    /** A catalog (models with distinct ids) and a price list per model. */
    record World(List<ModelSnapshot> models, Map<String, List<RouteSnapshot>> priceLists) {

        /** A set fed with every model, then every price list, one event at a time, each plan committed. */
        ComparisonSet replayed() {
            ComparisonSet set = ComparisonSet.empty(ENGINE, K);
            replayInto(set);
            return set;
        }

        List<Plan> replayInto(ComparisonSet set) {
            List<Plan> plans = new ArrayList<>();
            for (ModelSnapshot model : models) {
                plans.add(commit(set, set.modelChanged(model)));
            }
            priceLists.forEach((id, routes) -> plans.add(commit(set, set.pricesChanged(id, routes))));
            return plans;
        }
    }

    static Plan commit(ComparisonSet set, Plan plan) {
        set.commit(plan);
        return plan;
    }

    static Gen<World> worlds() {
        return lists().of(RandomCatalogs.models()).ofSizeBetween(2, 14)
                .zip(lists().of(RandomCatalogs.routes()).ofSize(14), (models, routes) -> {
                    Map<String, ModelSnapshot> distinct = new LinkedHashMap<>();
                    models.forEach(model -> distinct.putIfAbsent(model.id(), model));
                    Map<String, List<RouteSnapshot>> priceLists = new LinkedHashMap<>();
                    int i = 0;
                    for (String id : distinct.keySet()) {
                        priceLists.put(id, routes.get(i++));
                    }
                    return new World(List.copyOf(distinct.values()), priceLists);
                });
    }

    @Test
    void withoutAChangeNothingIsPublished() {
        qt().withExamples(60).forAll(worlds()).checkAssert(world -> {
            ComparisonSet set = world.replayed();

            assertThat(WholePlans.recomputeAll(set).publications()).isEmpty();
        });
    }

    @Test
    void aPriceChangePublishesOnlyPairsContainingTheModel() {
        qt().withExamples(80).forAll(worlds(), integers().between(0, 13), RandomCatalogs.routes())
                .checkAssert((world, pick, newRoutes) -> {
                    ComparisonSet set = world.replayed();
                    String repriced = world.models().get(pick % world.models().size()).id();

                    Plan plan = set.pricesChanged(repriced, newRoutes);

                    assertThat(plan.publications()).allSatisfy(publication -> {
                        assertThat(publication.pair().contains(repriced)).as("%s contains %s", publication.pair(), repriced).isTrue();
                        assertThat(publication).isInstanceOf(Publication.Changed.class);
                        assertThat(publication.revision()).isEqualTo(set.published(publication.pair()).orElseThrow().revision() + 1);
                    });
                    assertThat(plan.recomputed()).isEqualTo(set.graph().pairsOf(repriced).size());
                });
    }

    @Test
    void aRepeatedDeliveryOfEveryEventPublishesNothing() {
        qt().withExamples(60).forAll(worlds()).checkAssert(world -> {
            ComparisonSet set = world.replayed();

            List<Plan> replays = world.replayInto(set);

            assertThat(replays).allSatisfy(plan -> assertThat(plan.publications()).isEmpty());
        });
    }

    @Test
    void everyLivePairIsPublishedOnceAndWithdrawnPairsAreNotLive() {
        qt().withExamples(60).forAll(worlds()).checkAssert(world -> {
            ComparisonSet set = world.replayed();

            Set<PairId> publishedLive = world.models().stream().flatMap(model -> set.graph().pairsOf(model.id()).stream())
                    .filter(pair -> set.published(pair).map(PublishedPair::live).orElse(false)).collect(Collectors.toSet());
            assertThat(publishedLive).isEqualTo(set.graph().livePairs());
        });
    }

    @Test
    void retiringAModelWithdrawsItsPairsAtTheirNextRevision() {
        qt().withExamples(60).forAll(worlds(), integers().between(0, 13)).checkAssert((world, pick) -> {
            ComparisonSet set = world.replayed();
            ModelSnapshot model = world.models().get(pick % world.models().size());
            Set<PairId> pairs = set.graph().pairsOf(model.id());
            Map<PairId, Long> revisions = pairs.stream()
                    .collect(Collectors.toMap(pair -> pair, pair -> set.published(pair).orElseThrow().revision()));

            Plan plan = commit(set, set.modelChanged(retired(model)));

            List<Publication.Withdrawn> withdrawals = plan.publications().stream()
                    .filter(Publication.Withdrawn.class::isInstance).map(Publication.Withdrawn.class::cast).toList();
            assertThat(withdrawals).extracting(Publication::pair).containsExactlyInAnyOrderElementsOf(pairs);
            assertThat(withdrawals).allSatisfy(withdrawn -> {
                assertThat(withdrawn.revision()).isEqualTo(revisions.get(withdrawn.pair()) + 1);
                assertThat(withdrawn.reason()).isEqualTo(model.name() + " was retired");
            });
            assertThat(set.graph().pairsOf(model.id())).isEmpty();
            assertThat(plan.publications()).filteredOn(Publication.Changed.class::isInstance)
                    .allSatisfy(changed -> assertThat(changed.pair().contains(model.id())).isFalse());
        });
    }

    @Test
    void aBacklogOfChangesTakenAtOncePublishesWhatTakingThemOneByOneEndsWith() {
        qt().withExamples(60).forAll(worlds(), integers().between(0, 13), RandomCatalogs.routes())
                .checkAssert((world, pick, newRoutes) -> {
                    ComparisonSet oneByOne = world.replayed();
                    ComparisonSet atOnce = world.replayed();
                    ModelSnapshot retired = retired(world.models().get(pick % world.models().size()));
                    String repriced = world.models().get((pick + 1) % world.models().size()).id();
                    List<ComparisonSet.SourceChange> backlog = List.of(
                            new ComparisonSet.SourceChange.Prices(repriced, newRoutes),
                            new ComparisonSet.SourceChange.Model(retired),
                            new ComparisonSet.SourceChange.Prices(repriced, world.priceLists().get(repriced)),
                            new ComparisonSet.SourceChange.Prices(repriced, newRoutes));
                    commit(oneByOne, oneByOne.pricesChanged(repriced, newRoutes));
                    commit(oneByOne, oneByOne.modelChanged(retired));
                    commit(oneByOne, oneByOne.pricesChanged(repriced, world.priceLists().get(repriced)));
                    commit(oneByOne, oneByOne.pricesChanged(repriced, newRoutes));

                    Plan plan = commit(atOnce, WholePlans.changed(atOnce, backlog));

                    assertThat(plan.publications()).extracting(Publication::pair).doesNotHaveDuplicates();
                    assertThat(atOnce.graph().livePairs()).isEqualTo(oneByOne.graph().livePairs());
                    Set<PairId> touched = new java.util.TreeSet<>(oneByOne.graph().livePairs());
                    world.models().forEach(model -> touched.addAll(world.replayed().graph().pairsOf(model.id())));
                    for (PairId pair : touched) {
                        assertThat(atOnce.published(pair).map(PublishedPair::live))
                                .isEqualTo(oneByOne.published(pair).map(PublishedPair::live));
                        assertThat(atOnce.published(pair).map(PublishedPair::contentHash))
                                .as(pair.toString()).isEqualTo(oneByOne.published(pair).map(PublishedPair::contentHash));
                    }
                    assertThat(WholePlans.recomputeAll(atOnce).publications()).isEmpty();
                });
    }

    @Test
    void workPlannedInSlicesPublishesWhatOnePlanDoesAndNoSliceIsLargerThanAsked() {
        qt().withExamples(60).forAll(worlds(), integers().between(0, 13), integers().between(1, 5), RandomCatalogs.routes())
                .checkAssert((world, pick, sliceSize, newRoutes) -> {
                    ComparisonSet whole = world.replayed();
                    ComparisonSet sliced = world.replayed();
                    ModelSnapshot retired = retired(world.models().get(pick % world.models().size()));
                    String repriced = world.models().get((pick + 1) % world.models().size()).id();
                    List<ComparisonSet.SourceChange> backlog = List.of(new ComparisonSet.SourceChange.Model(retired),
                            new ComparisonSet.SourceChange.Prices(repriced, newRoutes));

                    Plan plan = commit(whole, WholePlans.changed(whole, backlog));
                    ComparisonSet.Work work = sliced.changedWork(backlog);
                    List<Publication> publications = new ArrayList<>();
                    int recomputed = 0;
                    while (!work.done()) {
                        Plan slice = commit(sliced, sliced.next(work, sliceSize));
                        assertThat(slice.publications()).hasSizeLessThanOrEqualTo(sliceSize);
                        publications.addAll(slice.publications());
                        recomputed += slice.recomputed();
                    }

                    assertThat(publications).isEqualTo(plan.publications());
                    assertThat(recomputed).isEqualTo(plan.recomputed());
                    assertThat(WholePlans.recomputeAll(sliced).publications()).isEmpty();
                });
    }

    @Test
    void aPlanThatWasNotCommittedIsPlannedAgain() {
        qt().withExamples(40).forAll(worlds(), integers().between(0, 13), RandomCatalogs.routes())
                .checkAssert((world, pick, newRoutes) -> {
                    ComparisonSet set = world.replayed();
                    String repriced = world.models().get(pick % world.models().size()).id();

                    Plan first = set.pricesChanged(repriced, newRoutes);
                    Plan again = set.pricesChanged(repriced, newRoutes);

                    assertThat(again.publications()).isEqualTo(first.publications());
                });
    }

    @Test
    void aChangeThatSimilarityDoesNotReadRecomputesOnlyThePairsOfTheModel() {
        qt().withExamples(60).forAll(worlds(), integers().between(0, 13)).checkAssert((world, pick) -> {
            ComparisonSet set = world.replayed();
            ModelSnapshot m = world.models().get(pick % world.models().size());
            ModelSnapshot retagged = aModelLike(m).withDecisionTags("Retagged " + pick).build();

            Plan plan = set.modelChanged(retagged);

            assertThat(plan.publications()).allSatisfy(publication -> assertThat(publication.pair().contains(m.id())).isTrue());
            assertThat(plan.recomputed()).isEqualTo(set.graph().pairsOf(m.id()).size());
        });
    }

    static ModelSnapshot retired(ModelSnapshot m) {
        return aModelLike(m).withStatus(ModelStatus.RETIRED).build();
    }
}
