package org.llmreference.importing.modelsdev;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.contracts.pricing.UpstreamSource;
import org.llmreference.importing.bundle.RouteEntry;
import org.llmreference.importing.modelsdev.CatalogMerger.Candidate;

import tools.jackson.databind.JsonNode;

/**
 * Turns a provider's files for one model into its one route (the pricing API has one route per
 * model × provider): the plain file wins, else the cheapest complete price; a {@code free} variant
 * only when it is the only one. Prices are USD per 1M tokens, read as decimals, rounded to 10
 * significant digits and kept only within 0..10000.
 */
final class RouteAssembler {

    static final BigDecimal MAX_PRICE = new BigDecimal("10000");
    private static final MathContext TEN_DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);
    private static final long OVER_200K = 200_000;

    private RouteAssembler() {
    }

    /** The file to keep among one provider's files for one model. */
    static Candidate choose(List<Candidate> sameProvider) {
        return sameProvider.stream().min(Comparator
                        .comparing((Candidate c) -> c.tags().contains("free"))
                        .thenComparing(c -> !c.plain())
                        .thenComparing(c -> blended(c.offering().data()) == null)
                        .thenComparing(c -> blended(c.offering().data()), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(c -> c.offering().modelId().length())
                        .thenComparing(c -> c.offering().modelId()))
                .orElseThrow();
    }

    /**
     * Subscription plans ({@code *coding-plan*}, {@code *token-plan*}, {@code kimi-for-coding}) have
     * no per-token price.
     */
    static boolean isSubscriptionPlan(String providerId) {
        return providerId.contains("coding-plan") || providerId.contains("token-plan") || providerId.equals("kimi-for-coding");
    }

    static RouteEntry build(String modelId, Candidate chosen, String sourceUrl, LocalDate verifiedAt,
            UpstreamSource upstream, Tally tally) {
        JsonNode data = chosen.offering().data();
        JsonNode cost = data.get("cost");
        String providerId = chosen.offering().providerId();
        BigDecimal input = price(cost, "input", tally);
        BigDecimal output = price(cost, "output", tally);
        BigDecimal cacheRead = price(cost, tally, "cache_read", "cached_input", "cache_input");
        BigDecimal cacheWrite = price(cost, tally, "cache_write", "cached_write");
        List<ContextTier> tiers = tiers(cost, tally);
        boolean bothZero = input != null && output != null && input.signum() == 0 && output.signum() == 0;
        if (isSubscriptionPlan(providerId) || chosen.tags().contains("free") || bothZero) {
            input = output = cacheRead = cacheWrite = null;
            tiers = List.of();
        }
        String region = chosen.tags().stream().filter(t -> t.startsWith("region:"))
                .map(t -> t.substring("region:".length())).findFirst().orElse(null);
        RouteStatus status = "deprecated".equals(TomlNodes.text(data, "status")) ? RouteStatus.DEPRECATED : RouteStatus.ACTIVE;
        Integer contextWindow = TomlNodes.positiveInt(data.get("limit"), "context");
        if (contextWindow != null && tiers.stream().anyMatch(tier -> tier.aboveTokens() >= contextWindow)) {
            tally.skip("context tier at or above the route's context window (tier dropped: it can never apply)");
            tiers = tiers.stream().filter(tier -> tier.aboveTokens() < contextWindow).toList();
        }
        return new RouteEntry(modelId, providerId, input, output, cacheRead, cacheWrite, null, null, tiers,
                contextWindow, region, status, sourceUrl, verifiedAt, upstream);
    }

    private static List<ContextTier> tiers(JsonNode cost, Tally tally) {
        Map<Long, ContextTier> byThreshold = new TreeMap<>();
        JsonNode over200k = cost == null ? null : cost.get("context_over_200k");
        if (over200k != null && over200k.isObject()) {
            add(byThreshold, OVER_200K, price(over200k, "input", tally), price(over200k, "output", tally));
        }
        JsonNode tiers = cost == null ? null : cost.get("tiers");
        if (tiers != null && tiers.isArray()) {
            for (JsonNode tier : tiers) {
                JsonNode spec = tier.get("tier");
                String type = TomlNodes.text(spec, "type");
                Integer size = TomlNodes.positiveInt(spec, "size");
                if (size != null && (type == null || type.equals("context"))) {
                    add(byThreshold, size, price(tier, "input", tally), price(tier, "output", tally));
                }
            }
        }
        return new ArrayList<>(byThreshold.values());
    }

    private static void add(Map<Long, ContextTier> tiers, long above, BigDecimal input, BigDecimal output) {
        if (input != null || output != null) {
            tiers.putIfAbsent(above, new ContextTier(above, input, output));
        }
    }

    private static BigDecimal price(JsonNode cost, Tally tally, String... aliases) {
        for (String alias : aliases) {
            BigDecimal value = price(cost, alias, tally);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static BigDecimal price(JsonNode cost, String field, Tally tally) {
        BigDecimal raw = TomlNodes.decimal(cost, field);
        if (raw == null) {
            return null;
        }
        if (raw.signum() < 0 || raw.compareTo(MAX_PRICE) > 0) {
            tally.skip("price outside 0..10000 (price dropped)");
            return null;
        }
        return round(raw);
    }

    /**
     * 10 significant digits and at most 10 decimal places (what the pricing API accepts), no trailing
     * zeros, never a negative scale: {@code 0.049999999999999996} → {@code 0.05}.
     */
    static BigDecimal round(BigDecimal price) {
        BigDecimal rounded = price.round(TEN_DIGITS);
        if (rounded.scale() > 10) {
            rounded = rounded.setScale(10, RoundingMode.HALF_EVEN);
        }
        rounded = rounded.stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** (3·input + output) / 4 when both prices exist and are not both 0, else null. */
    private static BigDecimal blended(JsonNode data) {
        JsonNode cost = data.get("cost");
        BigDecimal input = TomlNodes.decimal(cost, "input");
        BigDecimal output = TomlNodes.decimal(cost, "output");
        if (input == null || output == null || (input.signum() == 0 && output.signum() == 0)) {
            return null;
        }
        return input.multiply(BigDecimal.valueOf(3)).add(output).divide(BigDecimal.valueOf(4), TEN_DIGITS);
    }
}
