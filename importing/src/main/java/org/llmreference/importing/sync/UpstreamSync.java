package org.llmreference.importing.sync;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.importing.bundle.ProviderEntry;
import org.llmreference.importing.bundle.RouteEntry;

/**
 * One sync run: compares every upstream route with the route in force on our side (read through the
 * public pricing API) and puts each one that differs through the editor API, as an upstream change
 * with its provenance. pricing-service decides, term by term, what an editor changed since and keeps
 * it (a conflict, reported here on one line each). A route's {@code verifiedAt} alone is not a
 * change. Models pricing-service does not know are counted, not created: the sync moves prices;
 * {@code ./llmref import} adds models.
 */
final class UpstreamSync {

    /** What one run did ({@code unchanged} includes routes whose only upstream change is in conflict). */
    record Report(int models, int routes, int unchanged, int created, int changed, int conflicts, int notInCatalog,
            int refused) {

        @Override
        public String toString() {
            return String.format("%d routes of %d models compared: %d unchanged, %d changed, %d new, %d conflict(s), "
                    + "%d model(s) not in our catalog, %d refused", routes, models, unchanged, changed, created, conflicts,
                    notInCatalog, refused);
        }
    }

    private final PricingApi pricing;
    private final int parallelism;

    UpstreamSync(PricingApi pricing, int parallelism) {
        this.pricing = pricing;
        this.parallelism = parallelism;
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
                    if (current.isPresent() && same(current.get().terms(), route.terms())) {
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
        return new Report(byModel.size(), upstream.bundle().routes().size(), unchanged.get(), created.get(), changed.get(),
                conflicts.get(), notInCatalog.get(), refused.get());
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
