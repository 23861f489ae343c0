package org.llmreference.page.rendering;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.contracts.comparison.RouteCost;
import org.llmreference.contracts.comparison.RouteUnfit;
import org.llmreference.contracts.comparison.TrafficProfile;
import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.UpstreamSource;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cost calculator and the route tables of a page ({@code calculator.jte}, {@code routeTable.jte}):
 * the form, one table per model, and the data {@code /calculator.js} recomputes the figures from
 * (every price as an exact decimal string, so the script rounds as the server does).
 */
final class CalculatorView {

    /** The script that updates the figures as the visitor types. */
    static final String SCRIPT_PATH = "/calculator.js";

    /** One model's route table. */
    record RouteTable(int model, String name, List<RouteRow> rows) {
    }

    /**
     * One route, every cell as text. {@code index} is the route's place in the embedded data.
     *
     * @param state "Cheapest", or why the route cannot serve the workload, or empty
     */
    record RouteRow(int index, String provider, String monthly, String state, boolean cheapest, boolean unfit,
            String input, String output, String cachedInput, String cacheWrite, String batchInput, String batchOutput,
            String tiers, String region, String contextWindow, String status, String verified, String sourceHref,
            Upstream upstream) {
    }

    /**
     * Where an imported route's terms were read upstream, as the route table shows it.
     *
     * @param providerModelId the provider's model id upstream
     * @param href            the source file at its commit on models.dev's repository; null without a commit
     * @param file            "the file path at commit 3f2c9e1" (or the path alone without a commit)
     * @param alsoFolded      the other upstream files folded into the route, by path
     */
    record Upstream(String providerModelId, String href, String file, List<String> alsoFolded) {
    }

    /** A model priced on the page. */
    record Priced(ModelSummary model, List<RouteCost> routes) {
    }

    private final String action;
    private final Workload workload;
    private final TrafficProfile profile;
    private final List<Priced> models;
    private final List<Long> levels;

    CalculatorView(String action, Workload workload, TrafficProfile profile, List<Priced> models, List<Long> levels) {
        this.action = action;
        this.profile = profile;
        this.workload = workload == null ? Workload.of(profile) : workload;
        this.models = List.copyOf(models);
        this.levels = List.copyOf(levels);
    }

    String action() {
        return action;
    }

    Workload workload() {
        return workload;
    }

    boolean custom() {
        return workload.custom();
    }

    List<RouteTable> tables() {
        List<RouteTable> tables = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            Priced priced = models.get(m);
            List<RouteRow> rows = new ArrayList<>();
            for (int i = 0; i < priced.routes().size(); i++) {
                rows.add(row(i, priced.routes().get(i), priced.model().contextWindow()));
            }
            tables.add(new RouteTable(m, priced.model().name(), rows));
        }
        return tables;
    }

    private static RouteRow row(int index, RouteCost route, Integer modelWindow) {
        RouteTerms terms = route.terms();
        Integer window = terms.contextWindow() != null ? terms.contextWindow() : modelWindow;
        return new RouteRow(index, route.providerName(),
                route.monthlyUsd() == null ? Formats.UNAVAILABLE : Formats.usd(route.monthlyUsd()),
                state(route), route.cheapest(), !route.unfit().isEmpty(),
                price(terms.inputPricePerMTok()), price(terms.outputPricePerMTok()),
                price(terms.cachedInputPricePerMTok()), price(terms.cacheWritePricePerMTok()),
                price(terms.batchInputPricePerMTok()), price(terms.batchOutputPricePerMTok()), tiers(terms.contextTiers()),
                Formats.text(terms.region()), window == null ? Formats.UNKNOWN : Formats.count(window),
                terms.status().name().toLowerCase(Locale.ROOT), Formats.date(terms.verifiedAt()),
                Links.external(terms.sourceUrl()), upstream(route.upstream()));
    }

    private static Upstream upstream(UpstreamSource source) {
        if (source == null) {
            return null;
        }
        String commit = source.commit();
        boolean linkable = commit != null && commit.matches("[0-9a-f]{7,40}");
        return new Upstream(source.providerModelId(), linkable ? Links.upstreamFile(commit, source.path()) : null,
                source.path() + (linkable ? " at commit " + commit.substring(0, 7) : ""), source.alsoFolded());
    }

    /** "Cheapest", or the reasons the route cannot serve the workload ("Deprecated; context too small"), or "". */
    static String state(RouteCost route) {
        if (route.cheapest()) {
            return "Cheapest";
        }
        String reasons = route.unfit().stream().map(CalculatorView::reason).collect(Collectors.joining("; "));
        return reasons.isEmpty() ? "" : reasons.substring(0, 1).toUpperCase(Locale.ROOT) + reasons.substring(1);
    }

    static String reason(RouteUnfit unfit) {
        return switch (unfit) {
            case DEPRECATED -> "deprecated";
            case CONTEXT_TOO_SMALL -> "context too small";
            case NO_CACHE_PRICE -> "no cache price";
        };
    }

    private static String price(BigDecimal price) {
        return price == null || price.signum() < 0 ? Formats.UNKNOWN : Formats.price(price);
    }

    /** "above 128,000: $0.06 / $0.28", one per tier, or "-". */
    private static String tiers(List<ContextTier> tiers) {
        if (tiers.isEmpty()) {
            return Formats.UNKNOWN;
        }
        return tiers.stream().map(tier -> "above " + Formats.count(tier.aboveTokens()) + ": "
                + price(tier.inputPricePerMTok()) + " / " + price(tier.outputPricePerMTok()))
                .collect(Collectors.joining("; "));
    }

    /**
     * "Assumes 1,000,000 requests a month, 800 input and 250 output tokens each." and any cache,
     * long-context or batch share. {@code calculator.js} writes the same sentence.
     */
    static String traffic(TrafficProfile profile) {
        StringBuilder text = new StringBuilder("Assumes ")
                .append(Formats.count(profile.requestsPerMonth())).append(" requests a month, ")
                .append(Formats.count(profile.inputTokensPerRequest())).append(" input and ")
                .append(Formats.count(profile.outputTokensPerRequest())).append(" output tokens each.");
        if (profile.cachedInputShare() != null && profile.cachedInputShare().signum() > 0) {
            text.append(' ').append(Formats.percent(profile.cachedInputShare()))
                    .append(" of input tokens are served from cache.");
        }
        if (profile.longContextShare() != null && profile.longContextShare().signum() > 0) {
            text.append(' ').append(Formats.percent(profile.longContextShare()))
                    .append(" of requests go above a route's context tier.");
        }
        BigDecimal batch = profile.effectiveBatchShare();
        if (batch.compareTo(BigDecimal.ONE) >= 0) {
            text.append(" Batch prices apply where a route has them.");
        } else if (batch.signum() > 0) {
            text.append(' ').append(Formats.percent(batch)).append(" of requests pay batch prices where a route has them.");
        }
        return text.toString();
    }

    /** The page's data for {@code calculator.js}, safe inside a script element. */
    String data() {
        ObjectNode root = EventCodec.mapper().createObjectNode();
        ArrayNode levelsNode = root.putArray("levels");
        levels.forEach(levelsNode::add);
        ArrayNode modelsNode = root.putArray("models");
        for (Priced priced : models) {
            ObjectNode model = modelsNode.addObject();
            model.put("name", priced.model().name());
            if (priced.model().contextWindow() != null) {
                model.put("window", priced.model().contextWindow());
            }
            ArrayNode routes = model.putArray("routes");
            for (RouteCost cost : priced.routes()) {
                RouteTerms terms = cost.terms();
                ObjectNode route = routes.addObject();
                route.put("name", cost.providerName());
                route.put("deprecated", terms.status() != org.llmreference.contracts.pricing.RouteStatus.ACTIVE);
                if (terms.contextWindow() != null) {
                    route.put("window", terms.contextWindow());
                }
                decimal(route, "in", terms.inputPricePerMTok());
                decimal(route, "out", terms.outputPricePerMTok());
                decimal(route, "cin", terms.cachedInputPricePerMTok());
                decimal(route, "bin", terms.batchInputPricePerMTok());
                decimal(route, "bout", terms.batchOutputPricePerMTok());
                ArrayNode tiers = route.putArray("tiers");
                for (ContextTier tier : terms.contextTiers()) {
                    if (tier != null) {
                        ObjectNode t = tiers.addObject();
                        t.put("above", tier.aboveTokens());
                        decimal(t, "in", tier.inputPricePerMTok());
                        decimal(t, "out", tier.outputPricePerMTok());
                    }
                }
            }
        }
        return JsonLd.forScript(EventCodec.mapper().writeValueAsString(root));
    }

    private static void decimal(ObjectNode node, String name, BigDecimal value) {
        if (value != null) {
            node.put(name, value.toPlainString());
        }
    }

    /** A form field's label. */
    static String label(String field) {
        return switch (field) {
            case "requests" -> "Requests per month";
            case "input" -> "Input tokens per request";
            case "output" -> "Output tokens per request";
            case "cached" -> "Cached share of input (%)";
            case "long" -> "Requests past a context tier (%)";
            case "batch" -> "Batch share of requests (%)";
            default -> field;
        };
    }

    String trafficSentence() {
        return traffic(profile);
    }
}
