package org.llmreference.comparison.recompute;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.PairId;
import org.llmreference.comparison.graph.PeerGraph;
import org.llmreference.comparison.graph.Similarity;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.contracts.pricing.RouteSnapshot;

/**
 * Every comparison the site publishes, and how a change to its sources changes them.
 *
 * <p>It holds the latest model snapshots and price lists, the {@link PeerGraph} and, per pair, the
 * last revision and content hash published. A source change recomputes the pairs it can affect and
 * plans a publication only for those whose computed content hash differs from the one published:
 * <ul>
 * <li>a price list of model M: exactly the live pairs that contain M;</li>
 * <li>a model M changed in a field the pages show but similarity does not read (not its name):
 * exactly the live pairs that contain M;</li>
 * <li>a model M added, renamed or changed in what similarity reads: the pairs of M and of the models
 * it is, or was, a peer of, since their "Continue comparing" links name M; pairs that join the
 * graph are published, pairs that leave it are withdrawn;</li>
 * <li>a model retired: its pairs are withdrawn and its former neighbours' pairs recomputed.</li>
 * </ul>
 * Planning never changes what counts as published: the caller stores the plan's publications, then
 * {@link #commit(Plan)}s it. If storing fails, the caller rebuilds the set from what was stored.
 * Not thread-safe: one writer at a time.
 */
public final class ComparisonSet {

    /** "Continue comparing" offers at most this many pairs. */
    public static final int RELATED_LIMIT = 6;

    private final ComparisonEngine engine;
    private final Map<String, ModelSnapshot> models = new HashMap<>();
    private final Map<String, List<RouteSnapshot>> routes = new HashMap<>();
    private final Map<PairId, PublishedPair> published = new HashMap<>();
    private final PeerGraph graph;

    /**
     * @param engine     computes one comparison
     * @param peers      K, the number of nearest peers each model gets a page with
     * @param catalog    every model snapshot known (retired ones included)
     * @param priceLists every model's routes
     * @param curated    the pairs editors curated
     * @param state      what was last published per pair
     */
    public ComparisonSet(ComparisonEngine engine, int peers, Collection<ModelSnapshot> catalog,
            Map<String, List<RouteSnapshot>> priceLists, Collection<PairId> curated, Collection<PublishedPair> state) {
        this.engine = Objects.requireNonNull(engine, "engine");
        catalog.forEach(model -> models.put(model.id(), model));
        priceLists.forEach((id, list) -> routes.put(id, List.copyOf(list)));
        state.forEach(pair -> published.put(pair.pair(), pair));
        this.graph = PeerGraph.build(peers, models.values(), curated);
    }

    public static ComparisonSet empty(ComparisonEngine engine, int peers) {
        return new ComparisonSet(engine, peers, List.of(), Map.of(), List.of(), List.of());
    }

    private ComparisonSet(ComparisonSet original) {
        this.engine = original.engine;
        models.putAll(original.models);
        routes.putAll(original.routes);
        published.putAll(original.published);
        this.graph = original.graph.copy();
    }

    /**
     * An independent copy of the state (models, price lists, graph, what was published): a change
     * applied to it leaves this set as it is, so a preview can apply a proposal and compute its pages
     * without holding up, or touching, the set the service publishes from.
     */
    public ComparisonSet copy() {
        return new ComparisonSet(this);
    }

    /**
     * The comparison this set would publish for {@code pair} now (the same computation as a plan's),
     * or empty when the pair is not live.
     */
    public Optional<Comparison> compute(PairId pair) {
        return graph.isLive(pair) ? Optional.of(comparisonOf(pair)) : Optional.empty();
    }

    public PeerGraph graph() {
        return graph;
    }

    public Optional<ModelSnapshot> model(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /** The model's routes, as its price list holds them; empty when none is known. */
    public List<RouteSnapshot> priceList(String modelId) {
        return routes.getOrDefault(modelId, List.of());
    }

    public Optional<PublishedPair> published(PairId pair) {
        return Optional.ofNullable(published.get(pair));
    }

    /**
     * A model was created or changed; a snapshot with status retired retires it. When neither its
     * name nor anything similarity reads changed, only its own pairs are recomputed: the graph and
     * every other page's "Continue comparing" links stay as they were.
     */
    public Plan modelChanged(ModelSnapshot model) {
        Affected affected = apply(model);
        return all(new Work(affected.recompute(), affected.removed(), affected.reason()));
    }

    /** A model's price list changed: its pairs, and only they, are recomputed. */
    public Plan pricesChanged(String modelId, List<RouteSnapshot> priceList) {
        routes.put(modelId, List.copyOf(priceList));
        return all(new Work(graph.pairsOf(modelId), Set.of(), null));
    }

    /** An editor curated a pair: it is published once both models are in the graph. Plan it with {@link #next}. */
    public Work curatedWork(PairId pair) {
        PeerGraph.Change change = graph.curate(pair);
        return new Work(neighbourhood(pair, change), change.removed(), null);
    }

    /** An editor withdrew the curation of a pair: it stays only if the two are peers. Plan it with {@link #next}. */
    public Work uncuratedWork(PairId pair) {
        PeerGraph.Change change = graph.uncurate(pair);
        return new Work(neighbourhood(pair, change), change.removed(),
                "an editor withdrew the pair, and neither model counts the other among its " + graph.k() + " nearest peers");
    }

    /**
     * Recomputes every live pair and withdraws every pair published as live that is no longer in the
     * graph: after a restart, a change of K or of the computation itself. With nothing changed, it
     * plans nothing. Plan it with {@link #next}.
     */
    public Work recomputeAllWork() {
        Set<PairId> stale = new TreeSet<>();
        published.values().stream().filter(PublishedPair::live).map(PublishedPair::pair)
                .filter(pair -> !graph.isLive(pair)).forEach(stale::add);
        return new Work(new TreeSet<>(graph.livePairs()), stale, "the pair is no longer in the graph");
    }

    /** One source change among several handed to {@link #changedWork}. */
    public sealed interface SourceChange {

        /** The model the change is about. */
        String modelId();

        /** A model was created, changed or retired. */
        record Model(ModelSnapshot model) implements SourceChange {

            @Override
            public String modelId() {
                return model.id();
            }
        }

        /** A model's price list changed. */
        record Prices(String modelId, List<RouteSnapshot> priceList) implements SourceChange {
        }
    }

    /**
     * Several source changes at once, as a backlog of events delivers them: the state takes each in
     * order, then every pair any of them affects is recomputed once. The content published for each
     * pair is what applying the changes one by one would end with, with one revision instead of one
     * per change. The state takes the changes now, the pairs are computed by {@link #next}.
     */
    public Work changedWork(List<SourceChange> changes) {
        Set<PairId> recompute = new TreeSet<>();
        Set<PairId> removed = new TreeSet<>();
        Set<String> repriced = new HashSet<>();
        for (SourceChange change : changes) {
            if (change instanceof SourceChange.Model model) {
                Affected affected = apply(model.model());
                recompute.addAll(affected.recompute());
                removed.addAll(affected.removed());
            } else if (change instanceof SourceChange.Prices prices) {
                routes.put(prices.modelId(), List.copyOf(prices.priceList()));
                repriced.add(prices.modelId());
            }
        }
        for (String id : repriced) {
            recompute.addAll(graph.pairsOf(id));
        }
        return new Work(recompute, removed, leftTheGraph());
    }

    /** The pairs a model change affects, once the model is in the state and the graph. */
    private Affected apply(ModelSnapshot model) {
        String id = model.id();
        ModelSnapshot previous = models.get(id);
        Set<PairId> before = graph.pairsOf(id);
        models.put(id, model);
        if (previous != null && previous.status() != ModelStatus.RETIRED && model.status() != ModelStatus.RETIRED
                && previous.name().equals(model.name())
                && Similarity.Features.of(previous).equals(Similarity.Features.of(model))) {
            graph.put(model);
            return new Affected(before, Set.of(), null);
        }
        Set<String> neighbours = modelsOf(before);
        PeerGraph.Change change = graph.put(model);
        neighbours.addAll(modelsOf(graph.pairsOf(id)));
        neighbours.addAll(modelsOf(change.added()));
        neighbours.addAll(modelsOf(change.removed()));
        neighbours.add(id);
        Set<PairId> affected = new TreeSet<>();
        for (String neighbour : neighbours) {
            affected.addAll(graph.pairsOf(neighbour));
        }
        String reason = model.status() == ModelStatus.RETIRED ? model.name() + " was retired" : leftTheGraph();
        return new Affected(affected, change.removed(), reason);
    }

    private String leftTheGraph() {
        return "the pair left the graph: neither model counts the other among its " + graph.k()
                + " nearest peers, and no editor curated it";
    }

    /** What one model change means: pairs to recompute, pairs that left the graph, and why they left. */
    private record Affected(Set<PairId> recompute, Set<PairId> removed, String reason) {
    }

    /** Records the plan's publications as published. */
    public void commit(Plan plan) {
        for (Publication publication : plan.publications()) {
            published.put(publication.pair(), publication.after());
        }
    }

    private Set<PairId> neighbourhood(PairId pair, PeerGraph.Change change) {
        Set<PairId> affected = new TreeSet<>(graph.pairsOf(pair.a()));
        affected.addAll(graph.pairsOf(pair.b()));
        affected.addAll(change.added());
        return affected;
    }

    /**
     * The pairs one change leaves to withdraw and to recompute, planned a slice at a time by
     * {@link ComparisonSet#next}: a change that touches the whole catalog never holds every
     * comparison in memory at once. The state the change brought is already in the set; the work
     * must be finished (or the set dropped) before the next change.
     */
    public static final class Work {

        private final Set<PairId> toWithdraw;
        private final Set<PairId> toRecompute;
        private final Iterator<PairId> withdraw;
        private final Iterator<PairId> recompute;
        private final String withdrawReason;
        private final Set<PairId> pairs;

        private Work(Set<PairId> recompute, Set<PairId> withdraw, String withdrawReason) {
            this.toWithdraw = new TreeSet<>(withdraw);
            this.toRecompute = new TreeSet<>(recompute);
            this.withdraw = toWithdraw.iterator();
            this.recompute = toRecompute.iterator();
            this.withdrawReason = withdrawReason;
            TreeSet<PairId> all = new TreeSet<>(recompute);
            all.addAll(withdraw);
            this.pairs = Collections.unmodifiableSet(all);
        }

        /**
         * The part of this work (not yet planned) whose pairs {@code owned} accepts: where several
         * instances split the pairs, each plans and publishes only its own.
         */
        public Work owned(Predicate<PairId> owned) {
            return new Work(toRecompute.stream().filter(owned).collect(Collectors.toSet()),
                    toWithdraw.stream().filter(owned).collect(Collectors.toSet()), withdrawReason);
        }

        /** Every pair the change can affect: those to recompute and those that left the graph, in id order. */
        public Set<PairId> pairs() {
            return pairs;
        }

        /** Whether every pair has been planned. */
        public boolean done() {
            return !withdraw.hasNext() && !recompute.hasNext();
        }
    }

    /**
     * Plans the next pairs of {@code work}: withdrawals first, then recomputations, until the plan
     * holds {@code maxPublications} publications or the work is done. Store and {@link #commit} it
     * before asking for the next slice.
     */
    public Plan next(Work work, int maxPublications) {
        if (maxPublications < 1) {
            throw new IllegalArgumentException("a slice holds at least one publication, not " + maxPublications);
        }
        List<Publication> publications = new ArrayList<>();
        int recomputed = 0;
        while (work.withdraw.hasNext() && publications.size() < maxPublications) {
            PairId pair = work.withdraw.next();
            PublishedPair last = published.get(pair);
            if (last != null && last.live() && !graph.isLive(pair)) {
                publications.add(new Publication.Withdrawn(pair, last.revision() + 1, reasonFor(pair, work.withdrawReason)));
            }
        }
        while (work.recompute.hasNext() && publications.size() < maxPublications) {
            PairId pair = work.recompute.next();
            if (!graph.isLive(pair)) {
                continue;
            }
            recomputed++;
            Comparison comparison = comparisonOf(pair);
            ContentHash.Hashes hashes = ContentHash.of(comparison);
            PublishedPair last = published.get(pair);
            if (last != null && last.live() && hashes.content().equals(last.contentHash())) {
                continue;
            }
            List<String> changedSections = new ArrayList<>();
            hashes.sections().forEach((section, hash) -> {
                if (last == null || !last.live() || !hash.equals(last.sectionHashes().get(section))) {
                    changedSections.add(section);
                }
            });
            long revision = last == null ? 1 : last.revision() + 1;
            publications.add(new Publication.Changed(pair, revision, comparison, hashes.content(), hashes.sections(),
                    changedSections));
        }
        return publications.isEmpty() && recomputed == 0 ? Plan.NOTHING : new Plan(publications, recomputed);
    }

    /** The whole work as one plan. */
    private Plan all(Work work) {
        return next(work, Integer.MAX_VALUE);
    }

    private String reasonFor(PairId pair, String fallback) {
        for (String id : List.of(pair.a(), pair.b())) {
            ModelSnapshot model = models.get(id);
            if (model == null) {
                return id + " is not in the catalog";
            }
            if (model.status() == ModelStatus.RETIRED) {
                return model.name() + " was retired";
            }
        }
        return fallback == null ? "the pair is no longer in the graph" : fallback;
    }

    private Comparison comparisonOf(PairId pair) {
        List<RelatedPair> related = new ArrayList<>();
        for (PairId other : graph.related(pair, RELATED_LIMIT)) {
            related.add(new RelatedPair(other.toString(), name(other.a()) + " vs " + name(other.b())));
        }
        return engine.compare(side(pair.a()), side(pair.b()), related);
    }

    private Side side(String id) {
        return new Side(models.get(id), routes.getOrDefault(id, List.of()));
    }

    private String name(String id) {
        ModelSnapshot model = models.get(id);
        return model == null ? id : model.name();
    }

    private static Set<String> modelsOf(Collection<PairId> pairs) {
        Set<String> ids = new HashSet<>();
        for (PairId pair : pairs) {
            ids.add(pair.a());
            ids.add(pair.b());
        }
        return ids;
    }
}
