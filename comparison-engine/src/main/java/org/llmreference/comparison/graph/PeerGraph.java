package org.llmreference.comparison.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

import org.llmreference.comparison.graph.Similarity.Features;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;

/**
 * Which pairs get a page: for each model its {@code k} nearest peers by {@link Similarity}, plus the
 * pairs editors curated. A pair is live while both its models are in the graph (not retired) and
 * one of them counts the other among its nearest peers, or an editor curated it.
 *
 * <p>Kept up to date one model at a time: a change to model M recomputes M's peers, and the peers of
 * every model that M enters or leaves the nearest set of (O(n) similarities per model touched,
 * usually a handful), so a catalog of a thousand models updates in milliseconds. Ties in
 * similarity go to the id that sorts first, so the graph never depends on arrival order.
 */
public final class PeerGraph {

    /** A model's peer and how alike the two are. */
    public record Peer(String id, double similarity) {
    }

    /** What an update did to the set of live pairs. */
    public record Change(Set<PairId> added, Set<PairId> removed) {

        static final Change NONE = new Change(Set.of(), Set.of());

        public Change {
            added = Collections.unmodifiableSet(new TreeSet<>(added));
            removed = Collections.unmodifiableSet(new TreeSet<>(removed));
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    /** Best first: the more similar, then the id that sorts first. */
    private static final Comparator<Peer> BEST_FIRST = Comparator.comparingDouble(Peer::similarity).reversed()
            .thenComparing(Peer::id);

    private final int k;
    private final Map<String, ModelSnapshot> models = new HashMap<>();
    private final Map<String, Features> features = new HashMap<>();
    private final Map<String, List<Peer>> nearest = new HashMap<>();
    private final Map<String, Set<String>> chosenBy = new HashMap<>();
    private final Set<PairId> curated = new HashSet<>();
    private final Set<PairId> live = new HashSet<>();
    private final Map<String, Set<PairId>> liveByModel = new HashMap<>();

    public PeerGraph(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("each model needs at least one peer, k was " + k);
        }
        this.k = k;
    }

    /** The graph of a whole catalog at once (O(n²) similarities), as at start-up. */
    public static PeerGraph build(int k, Collection<ModelSnapshot> catalog, Collection<PairId> curatedPairs) {
        PeerGraph graph = new PeerGraph(k);
        for (ModelSnapshot model : catalog) {
            if (model.status() != ModelStatus.RETIRED) {
                graph.models.put(model.id(), model);
                graph.features.put(model.id(), Features.of(model));
            }
        }
        for (String id : graph.features.keySet()) {
            graph.setNearest(id, graph.computeNearest(id));
        }
        graph.curated.addAll(curatedPairs);
        Set<PairId> candidates = new HashSet<>(graph.curated);
        graph.nearest.forEach((id, peers) -> peers.forEach(peer -> candidates.add(PairId.of(id, peer.id()))));
        graph.reconcile(candidates);
        return graph;
    }

    public int k() {
        return k;
    }

    /**
     * An independent copy: changing it leaves this graph as it is (a preview applies a proposed
     * change to a copy). O(models + live pairs), no similarity computed.
     */
    public PeerGraph copy() {
        PeerGraph copy = new PeerGraph(k);
        copy.models.putAll(models);
        copy.features.putAll(features);
        copy.nearest.putAll(nearest);
        chosenBy.forEach((id, choosers) -> copy.chosenBy.put(id, new HashSet<>(choosers)));
        copy.curated.addAll(curated);
        copy.live.addAll(live);
        liveByModel.forEach((id, pairs) -> copy.liveByModel.put(id, new HashSet<>(pairs)));
        return copy;
    }

    /** Adds or updates a model; a retired one leaves the graph. */
    public Change put(ModelSnapshot model) {
        if (model.status() == ModelStatus.RETIRED) {
            return remove(model.id());
        }
        String id = model.id();
        Features updated = Features.of(model);
        models.put(id, model);
        if (updated.equals(features.put(id, updated))) {
            return Change.NONE;
        }
        Set<String> touched = new LinkedHashSet<>();
        setNearest(id, computeNearest(id));
        touched.add(id);
        for (String other : features.keySet()) {
            if (other.equals(id)) {
                continue;
            }
            List<Peer> peers = nearest.get(other);
            boolean wasPeer = chosenBy.getOrDefault(id, Set.of()).contains(other);
            boolean mayEnter = peers.size() < k
                    || BEST_FIRST.compare(new Peer(id, Similarity.between(features.get(other), updated)), peers.get(peers.size() - 1)) < 0;
            if (wasPeer || mayEnter) {
                List<Peer> recomputed = computeNearest(other);
                if (!recomputed.equals(peers)) {
                    setNearest(other, recomputed);
                    touched.add(other);
                }
            }
        }
        return reconcile(candidatesAround(touched));
    }

    /** Takes a model out of the graph (retired, or unknown to the catalog); its pairs go. */
    public Change remove(String id) {
        if (models.remove(id) == null) {
            return Change.NONE;
        }
        features.remove(id);
        Set<String> touched = new LinkedHashSet<>();
        touched.add(id);
        Set<PairId> candidates = candidatesAround(touched);
        setNearest(id, List.of());
        nearest.remove(id);
        for (String chooser : List.copyOf(chosenBy.getOrDefault(id, Set.of()))) {
            setNearest(chooser, computeNearest(chooser));
            touched.add(chooser);
        }
        candidates.addAll(candidatesAround(touched));
        return reconcile(candidates);
    }

    /** An editor wants this pair to have a page; it is live once both models are in the graph. */
    public Change curate(PairId pair) {
        curated.add(pair);
        return reconcile(new HashSet<>(Set.of(pair)));
    }

    /** The pair keeps its page only if one model counts the other among its nearest peers. */
    public Change uncurate(PairId pair) {
        curated.remove(pair);
        return reconcile(new HashSet<>(Set.of(pair)));
    }

    public boolean contains(String modelId) {
        return models.containsKey(modelId);
    }

    public boolean isLive(PairId pair) {
        return live.contains(pair);
    }

    public boolean isCurated(PairId pair) {
        return curated.contains(pair);
    }

    /** Whether one of the pair's models counts the other among its nearest peers. */
    public boolean isPeerPair(PairId pair) {
        return chosenBy.getOrDefault(pair.a(), Set.of()).contains(pair.b())
                || chosenBy.getOrDefault(pair.b(), Set.of()).contains(pair.a());
    }

    public Set<PairId> livePairs() {
        return Collections.unmodifiableSet(live);
    }

    /** The live pairs that contain the model, in id order. */
    public Set<PairId> pairsOf(String modelId) {
        return Collections.unmodifiableSet(new TreeSet<>(liveByModel.getOrDefault(modelId, Set.of())));
    }

    public Set<PairId> curatedPairs() {
        return Collections.unmodifiableSet(curated);
    }

    /** The model's nearest peers, best first. */
    public List<Peer> nearest(String modelId) {
        return nearest.getOrDefault(modelId, List.of());
    }

    public double similarity(PairId pair) {
        Features a = features.get(pair.a());
        Features b = features.get(pair.b());
        return a == null || b == null ? 0 : Similarity.between(a, b);
    }

    /**
     * The pairs to offer under "Continue comparing" on {@code pair}'s page: the other live pairs of
     * model A, then of model B, each most similar first, taken in turn until {@code limit}.
     */
    public List<PairId> related(PairId pair, int limit) {
        List<PairId> ofA = othersOf(pair.a(), pair);
        List<PairId> ofB = othersOf(pair.b(), pair);
        List<PairId> related = new ArrayList<>();
        for (int i = 0; related.size() < limit && (i < ofA.size() || i < ofB.size()); i++) {
            if (i < ofA.size()) {
                related.add(ofA.get(i));
            }
            if (i < ofB.size() && related.size() < limit) {
                related.add(ofB.get(i));
            }
        }
        return related;
    }

    private List<PairId> othersOf(String modelId, PairId except) {
        List<PairId> pairs = new ArrayList<>(liveByModel.getOrDefault(modelId, Set.of()));
        pairs.remove(except);
        pairs.sort(Comparator.comparingDouble(this::similarity).reversed().thenComparing(p -> p));
        return pairs;
    }

    private List<Peer> computeNearest(String id) {
        Features own = features.get(id);
        PriorityQueue<Peer> worstFirst = new PriorityQueue<>(k + 1, BEST_FIRST.reversed());
        for (Map.Entry<String, Features> other : features.entrySet()) {
            if (other.getKey().equals(id)) {
                continue;
            }
            worstFirst.add(new Peer(other.getKey(), Similarity.between(own, other.getValue())));
            if (worstFirst.size() > k) {
                worstFirst.poll();
            }
        }
        List<Peer> best = new ArrayList<>(worstFirst);
        best.sort(BEST_FIRST);
        return List.copyOf(best);
    }

    private void setNearest(String id, List<Peer> peers) {
        for (Peer old : nearest.getOrDefault(id, List.of())) {
            Set<String> choosers = chosenBy.get(old.id());
            if (choosers != null) {
                choosers.remove(id);
                if (choosers.isEmpty()) {
                    chosenBy.remove(old.id());
                }
            }
        }
        nearest.put(id, peers);
        for (Peer peer : peers) {
            chosenBy.computeIfAbsent(peer.id(), x -> new HashSet<>()).add(id);
        }
    }

    /** Every pair whose liveness a change to the peers of {@code touched} can have changed. */
    private Set<PairId> candidatesAround(Set<String> touched) {
        Set<PairId> candidates = new HashSet<>();
        for (String id : touched) {
            candidates.addAll(liveByModel.getOrDefault(id, Set.of()));
            for (Peer peer : nearest.getOrDefault(id, List.of())) {
                candidates.add(PairId.of(id, peer.id()));
            }
        }
        for (PairId pair : curated) {
            if (touched.contains(pair.a()) || touched.contains(pair.b())) {
                candidates.add(pair);
            }
        }
        return candidates;
    }

    private Change reconcile(Set<PairId> candidates) {
        Set<PairId> added = new HashSet<>();
        Set<PairId> removed = new HashSet<>();
        for (PairId pair : candidates) {
            boolean shouldLive = models.containsKey(pair.a()) && models.containsKey(pair.b())
                    && (curated.contains(pair) || isPeerPair(pair));
            if (shouldLive && live.add(pair)) {
                liveByModel.computeIfAbsent(pair.a(), x -> new HashSet<>()).add(pair);
                liveByModel.computeIfAbsent(pair.b(), x -> new HashSet<>()).add(pair);
                added.add(pair);
            } else if (!shouldLive && live.remove(pair)) {
                dropFromIndex(pair.a(), pair);
                dropFromIndex(pair.b(), pair);
                removed.add(pair);
            }
        }
        return added.isEmpty() && removed.isEmpty() ? Change.NONE : new Change(added, removed);
    }

    private void dropFromIndex(String modelId, PairId pair) {
        Set<PairId> pairs = liveByModel.get(modelId);
        if (pairs != null) {
            pairs.remove(pair);
            if (pairs.isEmpty()) {
                liveByModel.remove(modelId);
            }
        }
    }
}
