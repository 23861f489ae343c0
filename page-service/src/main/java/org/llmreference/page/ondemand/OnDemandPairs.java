package org.llmreference.page.ondemand;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.page.facts.FactsView;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Comparisons of pairs outside the pair graph, computed on request by the same engine from the
 * {@link FactsView}, and kept in a cache of at most {@code maxPages} pairs (least recently and
 * least frequently used out first).
 *
 * <p>An entry is dropped as soon as either side's facts or routes change ({@link FactsView#onChange}),
 * and every entry is checked against the view before it is served (it holds the very snapshots it
 * was computed from), so an on-demand page never shows facts older than the view has, even when a
 * change lands while a page is being computed.
 */
public class OnDemandPairs {

    private final FactsView facts;
    private final Function<PairId, List<RelatedPair>> related;
    private final ComparisonEngine engine;
    private final Clock clock;
    private final Cache<PairId, OnDemandComparison> cache;

    /**
     * @param related  the "Continue comparing" links of a pair's page
     * @param maxPages at most this many pairs are kept
     */
    public OnDemandPairs(FactsView facts, Function<PairId, List<RelatedPair>> related, ComparisonEngine engine,
            Clock clock, long maxPages) {
        this.facts = facts;
        this.related = related;
        this.engine = engine;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(maxPages).build();
        facts.onChange(this::drop);
    }

    /** What {@code /compare/{a}-vs-{b}} of a pair without a stored page answers. */
    public sealed interface Outcome permits Computed, MovedTo, NotReady, Unknown {
    }

    /** The pair's comparison, computed from the latest facts. */
    public record Computed(OnDemandComparison comparison) implements Outcome {
    }

    /** A side is an alias: the pair of the canonical ids, in canonical order. */
    public record MovedTo(PairId pair) implements Outcome {
    }

    /** The view has not read the catalog to its end yet and does not know a side: ask again soon. */
    public record NotReady() implements Outcome {
    }

    /** A side is unknown or retired, or both sides are the same model: no page. */
    public record Unknown() implements Outcome {
    }

    /** The answer for {@code pair} (canonical order). */
    public Outcome find(PairId pair) {
        Optional<String> a = facts.canonicalId(pair.a());
        Optional<String> b = facts.canonicalId(pair.b());
        if (a.isEmpty() || b.isEmpty()) {
            return facts.caughtUp() ? new Unknown() : new NotReady();
        }
        if (a.get().equals(b.get())) {
            return new Unknown();
        }
        if (!a.get().equals(pair.a()) || !b.get().equals(pair.b())) {
            return new MovedTo(PairId.of(a.get(), b.get()));
        }
        OnDemandComparison cached = cache.getIfPresent(pair);
        if (cached != null && cached.isCurrent(facts)) {
            return new Computed(cached);
        }
        Optional<OnDemandComparison> computed = compute(pair);
        if (computed.isEmpty()) {
            return new Unknown();
        }
        cache.put(pair, computed.get());
        return new Computed(computed.get());
    }

    /** How many pairs the cache holds now. */
    public long cached() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private Optional<OnDemandComparison> compute(PairId pair) {
        long version = facts.version();
        Optional<ModelSnapshot> a = facts.model(pair.a()).filter(OnDemandPairs::live);
        Optional<ModelSnapshot> b = facts.model(pair.b()).filter(OnDemandPairs::live);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        List<RouteSnapshot> routesA = facts.routes(pair.a());
        List<RouteSnapshot> routesB = facts.routes(pair.b());
        Comparison comparison = engine.compare(new Side(a.get(), routesA), new Side(b.get(), routesB), related.apply(pair));
        Instant at = clock.instant();
        return Optional.of(new OnDemandComparison(pair, comparison, version, at, a.get(), b.get(), routesA, routesB));
    }

    private void drop(String modelId) {
        cache.asMap().keySet().removeIf(pair -> pair.contains(modelId));
    }

    private static boolean live(ModelSnapshot model) {
        return model.status() != ModelStatus.RETIRED;
    }
}
