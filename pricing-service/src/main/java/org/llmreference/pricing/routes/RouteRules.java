package org.llmreference.pricing.routes;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.Violations;
import org.llmreference.pricing.routes.RouteInput.TierInput;

/**
 * Every rule a route must keep, in one place; all violations are collected, each named by its JSON
 * path ({@code contextTiers[1].aboveTokens}).
 * <ul>
 * <li>ids are slugs;</li>
 * <li>prices are 0..10000 USD per 1M tokens (more is absurd), with at most 10 decimal places;</li>
 * <li>a route may have an input price only, an output price only, or neither (tracked availability);
 * but cache and batch input prices need the input price ({@code requires-input-price}) and a batch
 * output price needs the output price ({@code requires-output-price});</li>
 * <li>at most 10 context tiers, {@code aboveTokens} 1..100,000,000, strictly ascending, below the
 * context window, each with at least one price;</li>
 * <li>context window 1..100,000,000; region plain text of at most 64 characters; source URL http(s);
 * verifiedAt from 2015-01-01 to tomorrow; effectiveFrom from 2015 to two years ahead.</li>
 * </ul>
 */
public final class RouteRules {

    public static final int MAX_TIERS = 10;
    public static final long MAX_TOKENS = 100_000_000L;
    public static final int MAX_REGION_LENGTH = 64;
    public static final LocalDate EARLIEST = LocalDate.of(2015, 1, 1);
    public static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(2 * 365);

    private RouteRules() {
    }

    /** What is wrong with the ids of a route's path. */
    public static List<FieldViolation> idViolations(String modelId, String providerId) {
        Violations v = new Violations();
        v.slug("modelId", modelId, true);
        v.slug("providerId", providerId, true);
        return v.list();
    }

    /** What is wrong with a route, field by field, as of {@code now}; empty when nothing is. */
    public static List<FieldViolation> violations(RouteInput route, Instant now) {
        Violations v = new Violations();
        price(v, "inputPricePerMTok", route.inputPricePerMTok());
        price(v, "outputPricePerMTok", route.outputPricePerMTok());
        price(v, "cachedInputPricePerMTok", route.cachedInputPricePerMTok());
        price(v, "cacheWritePricePerMTok", route.cacheWritePricePerMTok());
        price(v, "batchInputPricePerMTok", route.batchInputPricePerMTok());
        price(v, "batchOutputPricePerMTok", route.batchOutputPricePerMTok());
        if (route.inputPricePerMTok() == null) {
            requiresInput(v, "cachedInputPricePerMTok", route.cachedInputPricePerMTok());
            requiresInput(v, "cacheWritePricePerMTok", route.cacheWritePricePerMTok());
            requiresInput(v, "batchInputPricePerMTok", route.batchInputPricePerMTok());
        }
        if (route.outputPricePerMTok() == null) {
            v.check(route.batchOutputPricePerMTok() != null, "batchOutputPricePerMTok", "requires-output-price",
                    "a batch output price needs outputPricePerMTok, the price it discounts");
        }
        boolean windowValid = v.range("contextWindow", route.contextWindow(), 1, MAX_TOKENS);
        tiers(v, route.contextTiers(), windowValid ? route.contextWindow() : null);
        v.text("region", route.region(), MAX_REGION_LENGTH, false);
        v.httpUrl("sourceUrl", route.sourceUrl(), false);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        v.date("verifiedAt", route.verifiedAt(), EARLIEST, today.plusDays(1));
        if (route.effectiveFrom() != null) {
            v.check(route.effectiveFrom().isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant()), "effectiveFrom",
                    "too-early", "must not be before " + EARLIEST);
            v.check(route.effectiveFrom().isAfter(now.plus(MAX_SCHEDULE_AHEAD)), "effectiveFrom", "too-far-in-future",
                    "must be at most two years ahead: a change scheduled further is a future beyond reason");
        }
        return v.list();
    }

    private static void tiers(Violations v, List<TierInput> tiers, Long contextWindow) {
        if (!v.check(tiers.size() > MAX_TIERS, "contextTiers", "max-items", "must hold at most " + MAX_TIERS + " tiers")) {
            return;
        }
        Long previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            String at = "contextTiers[" + i + "]";
            TierInput tier = tiers.get(i);
            if (tier == null) {
                v.add(at, "required", "must be a tier object, not null");
                continue;
            }
            if (v.required(at + ".aboveTokens", tier.aboveTokens())
                    && v.range(at + ".aboveTokens", tier.aboveTokens(), 1, MAX_TOKENS)) {
                if (previous != null) {
                    v.check(tier.aboveTokens() <= previous, at + ".aboveTokens", "ascending",
                            "must be above the previous tier's " + previous + " (tiers go strictly ascending)");
                }
                if (contextWindow != null) {
                    v.check(tier.aboveTokens() >= contextWindow, at + ".aboveTokens", "below-context-window",
                            "must be below the context window of " + contextWindow + " tokens");
                }
                previous = tier.aboveTokens();
            }
            price(v, at + ".inputPricePerMTok", tier.inputPricePerMTok());
            price(v, at + ".outputPricePerMTok", tier.outputPricePerMTok());
            v.check(tier.inputPricePerMTok() == null && tier.outputPricePerMTok() == null, at, "tier-price-required",
                    "a tier needs inputPricePerMTok or outputPricePerMTok");
        }
    }

    private static void price(Violations v, String field, BigDecimal price) {
        v.decimal(field, price, BigDecimal.ZERO, PricePerMTok.MAX, PricePerMTok.MAX_SCALE);
    }

    private static void requiresInput(Violations v, String field, BigDecimal price) {
        v.check(price != null, field, "requires-input-price",
                "needs inputPricePerMTok, the price it discounts; send it too, or leave this one out");
    }
}
