package org.llmreference.comparison.recompute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.comparison.recompute.ComparisonSetTest.ENGINE;
import static org.llmreference.comparison.recompute.ComparisonSetTest.K;
import static org.llmreference.comparison.recompute.ComparisonSetTest.worlds;
import static org.llmreference.testsupport.Fixtures.aModelLike;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.llmreference.comparison.engine.RandomCatalogs;
import org.llmreference.comparison.recompute.ComparisonSet.SourceChange;
import org.llmreference.comparison.recompute.ComparisonSetTest.World;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.pricing.RouteSnapshot;

/**
 * A preview shows, over random catalogs, exactly what the real change would publish: each page's
 * "after" equals the comparison a set built from scratch with the changed facts computes, the pages
 * marked changed are exactly the ones the change would republish, and the set previewed stays as it was.
 */
class PreviewTest {

    @Test
    void aPriceChangeShowsThePagesAsAFromScratchComputationWithTheNewPricesWould() {
        qt().withExamples(60).forAll(worlds(), integers().between(0, 13), RandomCatalogs.routes())
                .checkAssert((world, pick, newRoutes) -> {
                    ComparisonSet set = world.replayed();
                    String repriced = world.models().get(pick % world.models().size()).id();
                    Map<String, List<RouteSnapshot>> changedLists = new HashMap<>(world.priceLists());
                    changedLists.put(repriced, newRoutes);

                    List<Preview.Page> pages = Preview.of(set, new SourceChange.Prices(repriced, newRoutes));

                    assertThat(pairs(pages)).isEqualTo(set.graph().pairsOf(repriced));
                    assertShowsFromScratchComputations(pages, world.models(), world.priceLists(), world.models(), changedLists);
                    assertThat(pages).allMatch(page -> page.status() == Preview.Status.KEPT);
                    assertMarksExactlyWhatTheChangeWouldPublish(set, pages, new SourceChange.Prices(repriced, newRoutes));
                });
    }

    @Test
    void aModelChangeShowsPagesThatEnterAndLeaveTheGraph() {
        qt().withExamples(60).forAll(worlds(), integers().between(0, 13), RandomCatalogs.models())
                .checkAssert((world, pick, other) -> {
                    ComparisonSet set = world.replayed();
                    String id = world.models().get(pick % world.models().size()).id();
                    ModelSnapshot proposed = aModelLike(other).withId(id).build();
                    List<ModelSnapshot> changedModels = world.models().stream()
                            .map(model -> model.id().equals(id) ? proposed : model).toList();

                    List<Preview.Page> pages = Preview.of(set, new SourceChange.Model(proposed));

                    assertShowsFromScratchComputations(pages, world.models(), world.priceLists(), changedModels,
                            world.priceLists());
                    ComparisonSet before = fromScratch(world.models(), world.priceLists());
                    ComparisonSet after = fromScratch(changedModels, world.priceLists());
                    Set<PairId> joined = new TreeSet<>(after.graph().livePairs());
                    joined.removeAll(before.graph().livePairs());
                    Set<PairId> left = new TreeSet<>(before.graph().livePairs());
                    left.removeAll(after.graph().livePairs());
                    assertThat(pairsWith(pages, Preview.Status.ADDED)).isEqualTo(joined);
                    assertThat(pairsWith(pages, Preview.Status.REMOVED)).isEqualTo(left);
                    assertThat(pairs(pages)).containsAll(after.graph().pairsOf(id));
                    assertMarksExactlyWhatTheChangeWouldPublish(set, pages, new SourceChange.Model(proposed));
                });
    }

    @Test
    void retiringAModelRemovesEveryPageOfIt() {
        qt().withExamples(40).forAll(worlds(), integers().between(0, 13)).checkAssert((world, pick) -> {
            ComparisonSet set = world.replayed();
            ModelSnapshot model = world.models().get(pick % world.models().size());
            Set<PairId> itsPairs = set.graph().pairsOf(model.id());

            List<Preview.Page> pages = Preview.of(set,
                    new SourceChange.Model(aModelLike(model).withStatus(ModelStatus.RETIRED).build()));

            assertThat(pairsWith(pages, Preview.Status.REMOVED)).isEqualTo(itsPairs);
            assertThat(pages).filteredOn(page -> page.status() == Preview.Status.REMOVED)
                    .allMatch(page -> page.after().isEmpty() && page.before().isPresent() && page.changed());
        });
    }

    @Test
    void previewingChangesNothingInTheSet() {
        qt().withExamples(40).forAll(worlds(), integers().between(0, 13), RandomCatalogs.models(), RandomCatalogs.routes())
                .checkAssert((world, pick, other, newRoutes) -> {
                    ComparisonSet set = world.replayed();
                    String id = world.models().get(pick % world.models().size()).id();
                    Set<PairId> live = Set.copyOf(set.graph().livePairs());
                    Map<PairId, Comparison> pages = computeAll(set);

                    Preview.of(set, new SourceChange.Model(aModelLike(other).withId(id).build()));
                    Preview.of(set, new SourceChange.Prices(id, newRoutes));

                    assertThat(set.graph().livePairs()).isEqualTo(live);
                    assertThat(computeAll(set)).isEqualTo(pages);
                    assertThat(WholePlans.recomputeAll(set).publications()).isEmpty();
                });
    }

    /** Each page's before and after equal what sets built from scratch, without and with the change, compute. */
    private static void assertShowsFromScratchComputations(List<Preview.Page> pages, List<ModelSnapshot> modelsBefore,
            Map<String, List<RouteSnapshot>> pricesBefore, List<ModelSnapshot> modelsAfter,
            Map<String, List<RouteSnapshot>> pricesAfter) {
        ComparisonSet before = fromScratch(modelsBefore, pricesBefore);
        ComparisonSet after = fromScratch(modelsAfter, pricesAfter);
        for (Preview.Page page : pages) {
            assertThat(page.before()).isEqualTo(before.compute(page.pair()));
            assertThat(page.after()).isEqualTo(after.compute(page.pair()));
        }
    }

    /** The pages marked changed are the pairs the real change publishes (recomputed or withdrawn). */
    private static void assertMarksExactlyWhatTheChangeWouldPublish(ComparisonSet set, List<Preview.Page> pages,
            SourceChange change) {
        ComparisonSet real = set.copy();
        Plan plan = real.next(real.changedWork(List.of(change)), Integer.MAX_VALUE);
        Set<PairId> published = plan.publications().stream().map(Publication::pair).collect(Collectors.toSet());
        Set<PairId> changed = pages.stream().filter(Preview.Page::changed).map(Preview.Page::pair).collect(Collectors.toSet());
        assertThat(changed).isEqualTo(published);
    }

    private static ComparisonSet fromScratch(List<ModelSnapshot> models, Map<String, List<RouteSnapshot>> priceLists) {
        return new ComparisonSet(ENGINE, K, models, priceLists, List.of(), List.of());
    }

    private static Map<PairId, Comparison> computeAll(ComparisonSet set) {
        Map<PairId, Comparison> all = new HashMap<>();
        for (PairId pair : new ArrayList<>(set.graph().livePairs())) {
            all.put(pair, set.compute(pair).orElseThrow());
        }
        return all;
    }

    private static Set<PairId> pairs(List<Preview.Page> pages) {
        return pages.stream().map(Preview.Page::pair).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<PairId> pairsWith(List<Preview.Page> pages, Preview.Status status) {
        Set<PairId> pairs = new HashSet<>();
        pages.stream().filter(page -> page.status() == status).forEach(page -> pairs.add(page.pair()));
        return new TreeSet<>(pairs);
    }
}
