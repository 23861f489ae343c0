package org.llmreference.comparison.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.MonthlyCost;
import org.llmreference.contracts.comparison.RouteCost;
import org.llmreference.contracts.comparison.RouteUnfit;
import org.llmreference.contracts.comparison.TrafficProfile;
import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;

/**
 * "Monthly cost at traffic": what each model costs a month at the stated traffic, bought from its
 * cheapest active route for input tokens and its cheapest active route for output tokens (which
 * may be two different providers), the delta between the two models, and the same costs across
 * the curve's traffic levels.
 *
 * <p><b>Money rule.</b> Every amount is a {@link BigDecimal}, never a {@code double}. A route's
 * input (or output) cost is the exact decimal sum of its parts, each {@code tokens × price per 1M
 * tokens / 1,000,000}: no part is rounded. The model's monthly cost is the cheapest exact input
 * cost plus the cheapest exact output cost, rounded <em>once</em>, at the very end, to cents
 * (scale 2, {@link RoundingMode#HALF_UP}). Rounding each part would let fractions of a cent add up
 * to a different total than the one a provider bills.
 *
 * <p>Input tokens are split by the profile: the cached share is charged at the route's cached
 * input price (or, when it has none, at the price the uncached tokens pay); the rest at the input
 * price, the batch share of requests at the batch input price where the route has one. For the
 * long-context share of requests, a route with context tiers charges its first tier (the lowest
 * {@code aboveTokens}) instead, any price the tier lacks falling back to the price other requests
 * pay. Output tokens go the same way without the cache. A route without an input price offers no
 * input cost (likewise output), unless the profile has no such tokens at all. Negative prices are
 * treated as absent and negative traffic as none, so a cost is never negative.
 */
final class MonthlyCosts {

    static final String NO_COMPLETE_PRICE = "No complete token price in local provider data";

    private final TrafficProfile profile;
    private final List<Long> curveRequests;

    MonthlyCosts(TrafficProfile profile, List<Long> curveRequests) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.curveRequests = List.copyOf(curveRequests);
    }

    /** The section for A and B: their costs (A first), the delta B − A, and the curve. */
    MonthlyCost compare(Side a, Side b) {
        return compare(a.priced(), b.priced(), profile, curveRequests);
    }

    /** The section for A and B at {@code profile}, with the curve at {@code curveRequests}. */
    static MonthlyCost compare(PricedModel a, PricedModel b, TrafficProfile profile, List<Long> curveRequests) {
        ModelCost costA = costOf(a, profile);
        ModelCost costB = costOf(b, profile);
        BigDecimal delta = costA.monthlyUsd() == null || costB.monthlyUsd() == null
                ? null
                : costB.monthlyUsd().subtract(costA.monthlyUsd());
        return new MonthlyCost(profile, List.of(costA, costB), delta, deltaNote(a, b, costA, costB),
                curve(a, b, profile, curveRequests));
    }

    /** One model's monthly cost at {@code traffic}, with the routes that give it. */
    static ModelCost costOf(Side side, TrafficProfile traffic) {
        return costOf(side.priced(), traffic);
    }

    /** One model's monthly cost at {@code traffic}, with the routes that give it. */
    static ModelCost costOf(PricedModel side, TrafficProfile traffic) {
        Tokens tokens = Tokens.of(traffic);
        List<RouteSnapshot> active = PriceList.of(side).active();
        int inputRoute = cheapest(active, tokens::inputCost);
        int outputRoute = cheapest(active, tokens::outputCost);
        if (inputRoute < 0 || outputRoute < 0) {
            return new ModelCost(side.id(), null, null, null, null, null, NO_COMPLETE_PRICE);
        }
        RouteSnapshot input = active.get(inputRoute);
        RouteSnapshot output = active.get(outputRoute);
        BigDecimal monthly = cents(tokens.inputCost(input).add(tokens.outputCost(output)));
        String note = inputRoute == outputRoute
                ? "Cheapest tracked route/tier: " + input.providerName()
                : "Cheapest tracked input: " + input.providerName() + "; output: " + output.providerName();
        return new ModelCost(side.id(), monthly, input.providerName(), output.providerName(),
                PriceList.usable(input.terms().inputPricePerMTok()), PriceList.usable(output.terms().outputPricePerMTok()), note);
    }

    /**
     * Every route of the model at {@code traffic}, cheapest first (routes without a cost last, ties in
     * price-list order): its own monthly cost, whether it is the cheapest route that can serve the
     * traffic, and why it cannot when it cannot.
     */
    static List<RouteCost> routeCosts(PricedModel side, TrafficProfile traffic) {
        Tokens tokens = Tokens.of(traffic);
        List<RouteCost> rows = new ArrayList<>();
        for (RouteSnapshot route : side.routes()) {
            BigDecimal input = tokens.inputCost(route);
            BigDecimal output = tokens.outputCost(route);
            BigDecimal monthly = input == null || output == null ? null : cents(input.add(output));
            rows.add(new RouteCost(route.providerId(), route.providerName(), route.terms(), monthly, false,
                    unfit(side, route, traffic, tokens), route.upstream()));
        }
        rows.sort(Comparator.comparing(RouteCost::monthlyUsd, Comparator.nullsLast(Comparator.naturalOrder())));
        for (int i = 0; i < rows.size(); i++) {
            RouteCost row = rows.get(i);
            if (row.unfit().isEmpty() && row.monthlyUsd() != null) {
                rows.set(i, new RouteCost(row.providerId(), row.providerName(), row.terms(), row.monthlyUsd(), true,
                        row.unfit(), row.upstream()));
                break;
            }
        }
        return List.copyOf(rows);
    }

    /** Why {@code route} cannot serve the traffic: deprecated, too small a context, no cached price. */
    private static List<RouteUnfit> unfit(PricedModel side, RouteSnapshot route, TrafficProfile traffic, Tokens tokens) {
        List<RouteUnfit> reasons = new ArrayList<>();
        if (route.terms().status() == RouteStatus.DEPRECATED) {
            reasons.add(RouteUnfit.DEPRECATED);
        }
        Integer window = route.terms().contextWindow() != null ? route.terms().contextWindow() : side.contextWindow();
        long perRequest = Math.max(0, traffic.inputTokensPerRequest()) + Math.max(0, traffic.outputTokensPerRequest());
        if (window != null && perRequest > window) {
            reasons.add(RouteUnfit.CONTEXT_TOO_SMALL);
        }
        if (tokens.cachedShare().signum() > 0 && tokens.input().signum() > 0
                && PriceList.usable(route.terms().cachedInputPricePerMTok()) == null) {
            reasons.add(RouteUnfit.NO_CACHE_PRICE);
        }
        return reasons;
    }

    /** The one rounding: an exact amount to cents, half up. */
    static BigDecimal cents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    private static String deltaNote(PricedModel a, PricedModel b, ModelCost costA, ModelCost costB) {
        if (costA.monthlyUsd() == null || costB.monthlyUsd() == null) {
            return "Cost delta unavailable until both models have sourced input and output token prices.";
        }
        int order = costA.monthlyUsd().compareTo(costB.monthlyUsd());
        if (order == 0) {
            return "Both cost " + Formats.money(costA.monthlyUsd()) + " per month at this traffic.";
        }
        PricedModel dearer = order > 0 ? a : b;
        PricedModel cheaper = order > 0 ? b : a;
        BigDecimal difference = costA.monthlyUsd().subtract(costB.monthlyUsd()).abs();
        return dearer.name() + " costs " + Formats.money(difference) + " more per month than " + cheaper.name()
                + " at this traffic.";
    }

    /** Both models' costs at each traffic level; with {@code b} null, model A's alone. */
    static List<CostPoint> curve(PricedModel a, PricedModel b, TrafficProfile profile, List<Long> curveRequests) {
        List<CostPoint> curve = new ArrayList<>();
        for (long requests : curveRequests) {
            TrafficProfile level = profile.withRequestsPerMonth(requests);
            curve.add(new CostPoint(requests, costOf(a, level).monthlyUsd(),
                    b == null ? null : costOf(b, level).monthlyUsd()));
        }
        return curve;
    }

    /** The index of the route with the lowest cost, the earlier on a tie; -1 when no route has one. */
    private static int cheapest(List<RouteSnapshot> routes, Function<RouteSnapshot, BigDecimal> cost) {
        int cheapest = -1;
        BigDecimal lowest = null;
        for (int i = 0; i < routes.size(); i++) {
            BigDecimal offered = cost.apply(routes.get(i));
            if (offered != null && (lowest == null || offered.compareTo(lowest) < 0)) {
                cheapest = i;
                lowest = offered;
            }
        }
        return cheapest;
    }

    /**
     * The month's tokens, split as the profile says: standard and long-context requests, cached
     * and uncached input. Every figure is exact.
     */
    record Tokens(BigDecimal input, BigDecimal output, BigDecimal cachedShare, BigDecimal longShare, BigDecimal batchShare) {

        static Tokens of(TrafficProfile profile) {
            BigDecimal requests = BigDecimal.valueOf(Math.max(0, profile.requestsPerMonth()));
            return new Tokens(
                    requests.multiply(BigDecimal.valueOf(Math.max(0, profile.inputTokensPerRequest()))),
                    requests.multiply(BigDecimal.valueOf(Math.max(0, profile.outputTokensPerRequest()))),
                    share(profile.cachedInputShare()),
                    share(profile.longContextShare()),
                    share(profile.effectiveBatchShare()));
        }

        /** The route's exact monthly input cost, or {@code null} when it has no input price. */
        BigDecimal inputCost(RouteSnapshot route) {
            if (input.signum() == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal base = PriceList.usable(route.terms().inputPricePerMTok());
            if (base == null) {
                return null;
            }
            BigDecimal standard = batchOr(route.terms().batchInputPricePerMTok(), base);
            ContextTier tier = firstTier(route);
            BigDecimal longContext = tier == null ? standard : orElse(tier.inputPricePerMTok(), standard);
            BigDecimal cached = PriceList.usable(route.terms().cachedInputPricePerMTok());
            BigDecimal standardTokens = input.multiply(BigDecimal.ONE.subtract(longShare));
            BigDecimal longTokens = input.multiply(longShare);
            return perMillion(standardTokens.multiply(withCache(standard, cached))
                    .add(longTokens.multiply(withCache(longContext, cached))));
        }

        /** The route's exact monthly output cost, or {@code null} when it has no output price. */
        BigDecimal outputCost(RouteSnapshot route) {
            if (output.signum() == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal base = PriceList.usable(route.terms().outputPricePerMTok());
            if (base == null) {
                return null;
            }
            BigDecimal standard = batchOr(route.terms().batchOutputPricePerMTok(), base);
            ContextTier tier = firstTier(route);
            BigDecimal longContext = tier == null ? standard : orElse(tier.outputPricePerMTok(), standard);
            BigDecimal standardTokens = output.multiply(BigDecimal.ONE.subtract(longShare));
            BigDecimal longTokens = output.multiply(longShare);
            return perMillion(standardTokens.multiply(standard).add(longTokens.multiply(longContext)));
        }

        /** The average price per 1M input tokens once the cached share pays the cached price. */
        private BigDecimal withCache(BigDecimal uncached, BigDecimal cached) {
            BigDecimal cachedPrice = cached == null ? uncached : cached;
            return uncached.multiply(BigDecimal.ONE.subtract(cachedShare)).add(cachedPrice.multiply(cachedShare));
        }

        /** The average price per 1M tokens once the batch share pays the batch price (if the route has one). */
        private BigDecimal batchOr(BigDecimal batchPrice, BigDecimal base) {
            return base.multiply(BigDecimal.ONE.subtract(batchShare)).add(orElse(batchPrice, base).multiply(batchShare));
        }

        private static BigDecimal orElse(BigDecimal price, BigDecimal fallback) {
            BigDecimal usable = PriceList.usable(price);
            return usable == null ? fallback : usable;
        }

        private static ContextTier firstTier(RouteSnapshot route) {
            return route.terms().contextTiers().stream()
                    .filter(Objects::nonNull)
                    .min(Comparator.comparingLong(ContextTier::aboveTokens))
                    .orElse(null);
        }

        private static BigDecimal perMillion(BigDecimal tokenDollars) {
            return tokenDollars.movePointLeft(6);
        }

        /** A share between 0 and 1; absent is none. */
        private static BigDecimal share(BigDecimal share) {
            if (share == null || share.signum() <= 0) {
                return BigDecimal.ZERO;
            }
            return share.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : share;
        }
    }
}
