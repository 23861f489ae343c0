package org.llmreference.comparison.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.testsupport.Fixtures.aModel;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PeerGraphTest {

    static final List<String> FAMILIES = List.of("gpt", "claude", "gemini", "llama", "qwen");

    /** A model whose similarity-relevant fields come from {@code traits}; ids from a small set so updates hit existing models. */
    static ModelSnapshot model(int id, int traits, ModelStatus status) {
        String family = FAMILIES.get(traits % FAMILIES.size());
        int caps = traits / 5;
        return aModel("m" + id).named("Model " + id).fromVendor(family + "-lab").ofFamily(family)
                .withContextWindow(new int[] {8_192, 131_072, 262_144, 1_048_576}[caps % 4])
                .withParameters(new BigDecimal(new int[] {4, 20, 70, 400}[(traits / 3) % 4])).withOpenWeights(caps % 2 == 0)
                .withCapabilities(new Capabilities(caps % 3 == 0, caps % 3 == 0, caps % 5 == 0, true, caps % 2 == 0, null,
                        null, null, null, null))
                .withStatus(status).build();
    }

    /** An update to the catalog: model {@code id} gets {@code traits}, or is retired. */
    record Update(int id, int traits, boolean retire) {
        ModelSnapshot snapshot() {
            return model(id, traits, retire ? ModelStatus.RETIRED : ModelStatus.ACTIVE);
        }
    }

    static Gen<Update> updates() {
        return integers().between(0, 24).zip(integers().between(0, 59), Generate.pick(List.of(false, false, false, false, true)),
                Update::new);
    }

    @Test
    void incrementalUpdatesGiveTheGraphAFullRebuildWouldGive() {
        qt().withExamples(200).forAll(lists().of(updates()).ofSizeBetween(1, 80), integers().between(1, 6))
                .checkAssert((updates, k) -> {
                    PeerGraph incremental = new PeerGraph(k);
                    Map<String, ModelSnapshot> catalog = new LinkedHashMap<>();
                    for (Update update : updates) {
                        incremental.put(update.snapshot());
                        catalog.put("m" + update.id(), update.snapshot());
                    }
                    PeerGraph rebuilt = PeerGraph.build(k, catalog.values(), List.of());
                    assertThat(incremental.livePairs()).isEqualTo(rebuilt.livePairs());
                    for (String id : catalog.keySet()) {
                        assertThat(incremental.nearest(id)).isEqualTo(rebuilt.nearest(id));
                    }
                });
    }

    @Test
    void reportedChangesAddUpToTheLivePairs() {
        qt().withExamples(200).forAll(lists().of(updates()).ofSizeBetween(1, 60)).checkAssert(updates -> {
            PeerGraph graph = new PeerGraph(3);
            java.util.Set<PairId> replayed = new java.util.HashSet<>();
            for (Update update : updates) {
                PeerGraph.Change change = graph.put(update.snapshot());
                assertThat(change.added()).as("added pairs were not live").noneMatch(replayed::contains);
                assertThat(change.removed()).as("removed pairs were live").allMatch(replayed::contains);
                replayed.addAll(change.added());
                replayed.removeAll(change.removed());
            }
            assertThat(replayed).isEqualTo(graph.livePairs());
        });
    }

    @Test
    void eachModelHasItsKNearestPeersAndEveryPeerPairIsLive() {
        List<ModelSnapshot> catalog = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            catalog.add(model(i, i * 7, ModelStatus.ACTIVE));
        }
        PeerGraph graph = PeerGraph.build(4, catalog, List.of());

        for (ModelSnapshot model : catalog) {
            assertThat(graph.nearest(model.id())).hasSize(4);
            for (PeerGraph.Peer peer : graph.nearest(model.id())) {
                assertThat(graph.isLive(PairId.of(model.id(), peer.id()))).isTrue();
            }
        }
        assertThat(graph.livePairs()).hasSizeBetween(20 * 4 / 2, 20 * 4);
    }

    @Test
    void theSameFamilyIsNearerThanAnotherVendor() {
        ModelSnapshot a = model(1, 0, ModelStatus.ACTIVE);
        ModelSnapshot sameFamily = model(2, 5, ModelStatus.ACTIVE);
        ModelSnapshot otherFamily = model(3, 6, ModelStatus.ACTIVE);

        assertThat(Similarity.between(a, sameFamily)).isGreaterThan(Similarity.between(a, otherFamily));
        assertThat(Similarity.between(a, a)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void retiringAModelRemovesEveryPairOfIt() {
        List<ModelSnapshot> catalog = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            catalog.add(model(i, i * 11, ModelStatus.ACTIVE));
        }
        PeerGraph graph = PeerGraph.build(3, catalog, List.of(PairId.of("m0", "m9")));
        java.util.Set<PairId> before = graph.pairsOf("m0");

        PeerGraph.Change change = graph.put(model(0, 0, ModelStatus.RETIRED));

        assertThat(before).contains(PairId.of("m0", "m9"));
        assertThat(change.removed()).containsAll(before);
        assertThat(graph.pairsOf("m0")).isEmpty();
        assertThat(graph.livePairs()).noneMatch(pair -> pair.contains("m0"));
        for (int i = 1; i < 10; i++) {
            assertThat(graph.nearest("m" + i)).hasSize(3).noneMatch(peer -> peer.id().equals("m0"));
        }
    }

    @Test
    void aCuratedPairLivesWhileBothModelsAreInTheGraph() {
        PeerGraph graph = new PeerGraph(1);
        graph.put(model(1, 0, ModelStatus.ACTIVE));
        graph.put(model(2, 5, ModelStatus.ACTIVE));
        graph.put(model(3, 1, ModelStatus.ACTIVE));
        PairId farApart = PairId.of("m2", "m3");
        assertThat(graph.isLive(farApart)).isFalse();

        assertThat(graph.curate(farApart).added()).containsExactly(farApart);
        assertThat(graph.put(model(3, 1, ModelStatus.RETIRED)).removed()).contains(farApart);
        assertThat(graph.put(model(3, 1, ModelStatus.ACTIVE)).added()).contains(farApart);
        assertThat(graph.uncurate(farApart).removed()).containsExactly(farApart);
        assertThat(graph.isCurated(farApart)).isFalse();
    }

    @Test
    void relatedPairsAlternateBetweenBothModelsAndLeaveOutThePairItself() {
        List<ModelSnapshot> catalog = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            catalog.add(model(i, i * 13, ModelStatus.ACTIVE));
        }
        PeerGraph graph = PeerGraph.build(3, catalog, List.of());
        PairId pair = graph.livePairs().iterator().next();

        List<PairId> related = graph.related(pair, 6);

        assertThat(related).doesNotContain(pair).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(6)
                .allMatch(other -> other.contains(pair.a()) || other.contains(pair.b()));
        if (!related.isEmpty() && !graph.pairsOf(pair.a()).equals(java.util.Set.of(pair))) {
            assertThat(related.get(0).contains(pair.a())).isTrue();
        }
    }
}
