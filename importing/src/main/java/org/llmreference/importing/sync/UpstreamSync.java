package org.llmreference.importing.sync;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.UpstreamSource;
import org.llmreference.importing.bundle.ProviderEntry;
import org.llmreference.importing.bundle.RouteEntry;

/**
 * One sync run: compares every upstream route with the route in force on our side (read through the
 * public pricing API) and puts each one that differs through the editor API, as an upstream change
 * with its provenance. pricing-service decides, term by term, what an editor changed since and keeps
 * it (a conflict, reported here on one line each). A route's {@code verifiedAt} alone is not a
 * change. Models pricing-service does not know are counted, not created: the sync moves prices;
 * {@code ./llmref import} adds models. A route of ours that came from upstream and is no longer listed
 * there is withdrawn (pricing-service keeps an editor-changed one, as a conflict), unless more are gone
 * than {@link #withdrawalLimit} allows in one run.
 */
final class UpstreamSync {

    /** What one run did ({@code unchanged} includes routes whose only upstream change is in conflict). */
    record Report(int models, int routes, int unchanged, int created, int changed, int withdrawn, int conflicts,
            int notInCatalog, int refused, int withheld) {

        @Override
        public String toString() {
            return String.format("%d routes of %d models compared: %d unchanged, %d changed, %d new, %d withdrawn, "
                    + "%d conflict(s), %d model(s) not in our catalog, %d refused%s", routes, models, unchanged, changed,
                    created, withdrawn, conflicts, notInCatalog, refused,
                    withheld == 0 ? "" : ", " + withheld + " withdrawal(s) withheld");
        }
    }

    /** The origins of a route's dated prices that mean its values came from upstream. */
    private static final Set<String> UPSTREAM_ORIGINS = Set.of("import", "history-import", "sync");

    private final PricingApi pricing;
    private final int parallelism;
    private final Integer maxWithdrawals;

    UpstreamSync(PricingApi pricing, int parallelism) {
        this(pricing, parallelism, null);
    }

    /** @param maxWithdrawals the most routes one run may withdraw; null: {@link #withdrawalLimit} */
    UpstreamSync(PricingApi pricing, int parallelism, Integer maxWithdrawals) {
        this.pricing = pricing;
        this.parallelism = parallelism;
        this.maxWithdrawals = maxWithdrawals;
    }

    /**
     * The default withdrawal limit of a run comparing {@code routes} upstream routes: 5% of them, at
     * least 10. Upstream losing more at once is more likely a broken or partial source than news.
     */
    static int withdrawalLimit(int routes) {
        return Math.max(10, routes / 20);
    }

    /** A route of ours that upstream no longer lists. */
    private record Gone(String modelId, String providerId) {
    }

    Report run(Upstream upstream, Consumer<String> out) {
        Map<String, List<RouteEntry>> byModel = new LinkedHashMap<>();
        for (RouteEntry route : upstream.bundle().routes()) {
            byModel.computeIfAbsent(route.modelId(), id -> new ArrayList<>()).add(route);
        }
        Map<String, ProviderEntry> providers = new LinkedHashMap<>();
        upstream.bundle().providers().forEach(p -> providers.put(p.id(), p));
        AtomicInteger unchanged = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger changed = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger notInCatalog = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Gone> gone = java.util.Collections.synchronizedList(new ArrayList<>());
        Consumer<String> say = line -> {
            synchronized (out) {
                out.accept(line);
            }
        };
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            pool.submit(() -> byModel.entrySet().parallelStream().forEach(model -> {
                Optional<List<RouteSnapshot>> ours = pricing.routes(model.getKey());
                if (ours.isEmpty()) {
                    notInCatalog.incrementAndGet();
                    return;
                }
                for (RouteEntry route : model.getValue()) {
                    Optional<RouteSnapshot> current = ours.get().stream()
                            .filter(r -> r.providerId().equals(route.providerId())).findFirst();
                    if (current.isPresent() && same(current.get().terms(), route.terms())
                            && sameSource(current.get().upstream(), route.upstream())) {
                        unchanged.incrementAndGet();
                        continue;
                    }
                    PricingApi.PutAnswer answer = pricing.putRoute(route, upstream);
                    if (answer.status() == 422 && answer.body().contains("unknown-provider")
                            && providers.containsKey(route.providerId())) {
                        ProviderEntry provider = providers.get(route.providerId());
                        pricing.putProvider(provider.id(), provider.name(), provider.url());
                        answer = pricing.putRoute(route, upstream);
                    }
                    String at = route.modelId() + "/" + route.providerId();
                    switch (answer.status()) {
                        case 201 -> created.incrementAndGet();
                        case 200 -> (answer.changed() ? changed : unchanged).incrementAndGet();
                        default -> {
                            refused.incrementAndGet();
                            say.accept("refused " + at + ": " + answer.status() + " " + oneLine(answer.body()));
                        }
                    }
                    if (!answer.conflicts().isEmpty()) {
                        conflicts.incrementAndGet();
                        say.accept("conflict " + at + ": kept our " + String.join(", ", answer.conflicts())
                                + " (an editor changed it after the last upstream value); see GET /api/sync/conflicts");
                    }
                }
                Set<String> listed = model.getValue().stream().map(RouteEntry::providerId).collect(Collectors.toSet());
                ours.get().stream().filter(r -> !listed.contains(r.providerId()) && fromUpstream(r))
                        .forEach(r -> gone.add(new Gone(model.getKey(), r.providerId())));
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PricingApi.Unavailable("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        int routes = upstream.bundle().routes().size();
        int limit = maxWithdrawals != null ? maxWithdrawals : withdrawalLimit(routes);
        int withdrawn = 0;
        int withheld = 0;
        if (gone.size() > limit) {
            withheld = gone.size();
            say.accept("withheld: upstream no longer lists " + gone.size() + " of our routes that came from it, more than "
                    + "the limit of " + limit + " for one run; a broken or partial upstream is more likely than news, so "
                    + "nothing was withdrawn (check " + upstream.describe() + ", then run again with --max-withdrawals "
                    + gone.size() + ")");
        } else {
            for (Gone route : gone) {
                String at = route.modelId() + "/" + route.providerId();
                PricingApi.PutAnswer answer = pricing.withdrawRoute(route.modelId(), route.providerId(), upstream);
                if (answer.status() == 200 && !answer.conflicts().isEmpty()) {
                    conflicts.incrementAndGet();
                    say.accept("conflict " + at + ": upstream withdrew it, but an editor changed it since, so it stays; "
                            + "see GET /api/sync/conflicts");
                } else if (answer.status() == 200) {
                    withdrawn++;
                } else if (answer.status() != 404 && answer.status() != 409) {
                    // 404: withdrawn meanwhile; 409: an editor's own route, not the sync's to withdraw
                    refused.incrementAndGet();
                    say.accept("refused withdrawal of " + at + ": " + answer.status() + " " + oneLine(answer.body()));
                }
            }
        }
        return new Report(byModel.size(), routes, unchanged.get(), created.get(), changed.get(), withdrawn,
                conflicts.get(), notInCatalog.get(), refused.get(), withheld);
    }

    /** Whether a route of ours came from upstream: it names its upstream source, or a dated price came from there. */
    static boolean fromUpstream(RouteSnapshot route) {
        return route.upstream() != null || route.history().stream().anyMatch(step -> UPSTREAM_ORIGINS.contains(step.origin()));
    }

    /**
     * The same upstream file, model id and folded files (the commit aside: a file unchanged at a new
     * commit is no change). An upstream without files (an api.json) says nothing about the source.
     */
    static boolean sameSource(UpstreamSource ours, UpstreamSource upstream) {
        if (upstream == null) {
            return true;
        }
        return ours != null && ours.providerModelId().equals(upstream.providerModelId())
                && ours.path().equals(upstream.path()) && ours.alsoFolded().equals(upstream.alsoFolded());
    }

    /** The same terms, scale of prices aside; {@code verifiedAt} is bookkeeping, not a change. */
    static boolean same(RouteTerms ours, RouteTerms upstream) {
        return normal(ours).equals(normal(upstream));
    }

    private static RouteTerms normal(RouteTerms terms) {
        return new RouteTerms(strip(terms.inputPricePerMTok()), strip(terms.outputPricePerMTok()),
                strip(terms.cachedInputPricePerMTok()), strip(terms.cacheWritePricePerMTok()),
                strip(terms.batchInputPricePerMTok()), strip(terms.batchOutputPricePerMTok()),
                terms.contextTiers().stream().map(t -> new ContextTier(t.aboveTokens(), strip(t.inputPricePerMTok()),
                        strip(t.outputPricePerMTok()))).toList(),
                terms.contextWindow(), terms.region(), terms.status(), terms.sourceUrl(), null);
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
