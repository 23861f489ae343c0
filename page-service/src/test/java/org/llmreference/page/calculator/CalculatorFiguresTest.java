package org.llmreference.page.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmreference.testsupport.Fixtures.aModel;
import static org.llmreference.testsupport.Fixtures.aRoute;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.page.rendering.ComparisonPage;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.Site;

/**
 * Every figure the calculator shows without JavaScript (each model's monthly cost and its note, the
 * delta, the curve, each route's monthly cost, the cheapest mark, the reasons a route cannot serve
 * the workload), recomputed here by arithmetic of its own: the month's tokens are split into
 * buckets (long-context or not, batch or not, cached or not), each bucket is charged at the one
 * price it pays, and the sum is rounded once to cents. No production cost code is called for the
 * expected figures. (The browser test shows calculator.js gives the same figures as the server.)
 */
class CalculatorFiguresTest {

    private static final Site SITE = new Site("https://llmreference.org", "LLM Reference");
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    static final List<RouteSnapshot> ROUTES_A = List.of(
            aRoute("openrouter").named("OpenRouter").priced("0.03", "0.14").withCachedInput("0.015")
                    .withTier(128_000, "0.06", "0.28").build(),
            aRoute("smallbox").named("Small Box").priced("0.05", "0.20").withBatch("0.025", "0.10")
                    .withContextWindow(8_192).build(),
            aRoute("oldco").named("Old Co").priced("0.02", "0.10").deprecated().build(),
            aRoute("batchy").named("Batchy").priced("0.04", "0.15").withCachedInput("0.01").withBatch("0.02", "0.08")
                    .build(),
            aRoute("tiered").named("Tiered").priced("0.035", "0.13").withTier(4_000, null, "0.5").build());
    static final List<RouteSnapshot> ROUTES_B = List.of(
            aRoute("vendor").named("Vendor").priced("0.10", "0.40").withCachedInput("0.025").build(),
            aRoute("cheapin").named("Cheap In").priced("0.08", "0.50").withTier(32_000, "0.16", "1.00").build(),
            aRoute("halfpriced").named("Half Priced").priced("0.01", null).build());

    static final Side A = new Side(aModel("alpha-model").named("Alpha").withContextWindow(131_072).build(), ROUTES_A);
    static final Side B = new Side(aModel("beta-model").named("Beta").withContextWindow(262_144).build(), ROUTES_B);
    static final Comparison COMPARISON = new ComparisonEngine(EngineSettings.defaults()).compare(A, B, List.of());

    /** requests, input, output, cached %, long-context %, batch %. */
    static List<List<String>> workloads() {
        return List.of(
                List.of("1000000", "800", "250", "0", "0", "0"),
                List.of("25000", "12000", "700", "40", "15", "30"),
                List.of("3", "333", "77", "12.5", "0", "100"),
                List.of("123457", "9000", "1", "0", "100", "0"),
                List.of("7777777", "0", "4096", "99.9999", "50", "50"));
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void everyFigureOfTheCalculatorIsWhatIndependentArithmeticGives(List<String> workload) {
        String[] values = workload.toArray(String[]::new);
        Workload w = new Workload(values);
        Map<String, String> parameters = new LinkedHashMap<>();
        String[] names = {"requests", "input", "output", "cached", "long", "batch"};
        for (int i = 0; i < names.length; i++) {
            parameters.put(names[i], values[i]);
        }
        WorkloadParameters asked = WorkloadParameters.read(parameters, COMPARISON.monthlyCost().profile());
        assertThat(asked.workload().errors()).isEmpty();
        Comparison shown = WorkloadPrices.comparison(COMPARISON, asked.profile());
        Document page = Jsoup.parse(new PageRenderer(SITE).comparison(new ComparisonPage(shown, 1,
                Instant.parse("2026-05-22T00:00:00Z"), Instant.parse("2026-05-22T00:00:01Z"), List.of(),
                asked.workload())));

        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        List<Element> boxes = page.select("[data-calc-model]");
        Expected costA = w.modelCost(A);
        Expected costB = w.modelCost(B);
        assertThat(boxes.get(0).selectFirst("[data-calc-amount]").text()).isEqualTo(costA.amount());
        assertThat(boxes.get(0).selectFirst("[data-calc-note]").text()).isEqualTo(costA.note());
        assertThat(boxes.get(1).selectFirst("[data-calc-amount]").text()).isEqualTo(costB.amount());
        assertThat(boxes.get(1).selectFirst("[data-calc-note]").text()).isEqualTo(costB.note());
        assertThat(page.selectFirst("[data-calc-delta]").text()).isEqualTo(w.delta(costA, costB));

        List<Element> curve = page.select("[data-calc-curve] tr");
        List<Long> levels = List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L);
        assertThat(curve).hasSize(levels.size());
        for (int i = 0; i < levels.size(); i++) {
            Workload at = w.at(levels.get(i));
            assertThat(curve.get(i).select("th, td").eachText()).containsExactly(String.format(Locale.ROOT, "%,d",
                    levels.get(i)), at.modelCost(A).amount(), at.modelCost(B).amount());
        }

        assertThat(rows(page, 0)).containsExactlyElementsOf(w.routeTable(A));
        assertThat(rows(page, 1)).containsExactlyElementsOf(w.routeTable(B));
    }

    /** Provider, monthly cost and fit of each row of model {@code model}'s route table, in page order. */
    private static List<String> rows(Document page, int model) {
        return page.select("table[data-calc-routes=" + model + "] tbody tr").stream()
                .map(row -> row.selectFirst("th").text() + " | " + row.selectFirst("[data-calc-route-cost]").text()
                        + " | " + row.selectFirst("[data-calc-route-state]").text())
                .toList();
    }

    /** A model's expected monthly cost: the amount as shown, the exact cents, the note. */
    record Expected(BigDecimal cents, String amount, String note) {
    }

    /** The workload and the oracle's arithmetic. */
    static final class Workload {

        final long requests;
        final long input;
        final long output;
        final BigDecimal cached;
        final BigDecimal longShare;
        final BigDecimal batch;

        Workload(String[] values) {
            this(Long.parseLong(values[0]), Long.parseLong(values[1]), Long.parseLong(values[2]), percent(values[3]),
                    percent(values[4]), percent(values[5]));
        }

        Workload(long requests, long input, long output, BigDecimal cached, BigDecimal longShare, BigDecimal batch) {
            this.requests = requests;
            this.input = input;
            this.output = output;
            this.cached = cached;
            this.longShare = longShare;
            this.batch = batch;
        }

        Workload at(long otherRequests) {
            return new Workload(otherRequests, input, output, cached, longShare, batch);
        }

        private static BigDecimal percent(String value) {
            return new BigDecimal(value).divide(BigDecimal.valueOf(100));
        }

        /** Dollars for the month's input tokens on the route, unrounded; null when it cannot price them. */
        BigDecimal inputDollars(RouteSnapshot route) {
            return dollars(route, true);
        }

        BigDecimal outputDollars(RouteSnapshot route) {
            return dollars(route, false);
        }

        private BigDecimal dollars(RouteSnapshot route, boolean ofInput) {
            BigDecimal tokens = BigDecimal.valueOf(requests).multiply(BigDecimal.valueOf(ofInput ? input : output));
            if (tokens.signum() == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal listPrice = ofInput ? route.terms().inputPricePerMTok() : route.terms().outputPricePerMTok();
            if (listPrice == null) {
                return null;
            }
            BigDecimal batchPrice = ofInput ? route.terms().batchInputPricePerMTok() : route.terms().batchOutputPricePerMTok();
            ContextTier tier = route.terms().contextTiers().stream().min(Comparator.comparingLong(ContextTier::aboveTokens))
                    .orElse(null);
            BigDecimal tierPrice = tier == null ? null : ofInput ? tier.inputPricePerMTok() : tier.outputPricePerMTok();
            BigDecimal cachePrice = ofInput ? route.terms().cachedInputPricePerMTok() : null;
            BigDecimal sum = BigDecimal.ZERO;
            for (boolean isLong : new boolean[] {false, true}) {
                for (boolean isBatch : new boolean[] {false, true}) {
                    for (boolean isCached : new boolean[] {false, true}) {
                        BigDecimal share = part(longShare, isLong).multiply(part(batch, isBatch))
                                .multiply(ofInput ? part(cached, isCached) : isCached ? BigDecimal.ZERO : BigDecimal.ONE);
                        BigDecimal price = isBatch && batchPrice != null ? batchPrice : listPrice;
                        if (isLong && tierPrice != null) {
                            price = tierPrice;
                        }
                        if (isCached && cachePrice != null) {
                            price = cachePrice;
                        }
                        sum = sum.add(tokens.multiply(share).multiply(price));
                    }
                }
            }
            return sum.divide(MILLION);
        }

        private static BigDecimal part(BigDecimal share, boolean inside) {
            return inside ? share : BigDecimal.ONE.subtract(share);
        }

        Expected modelCost(Side side) {
            List<RouteSnapshot> active = side.routes().stream().filter(r -> r.terms().status() == RouteStatus.ACTIVE).toList();
            RouteSnapshot in = lowest(active, true);
            RouteSnapshot out = lowest(active, false);
            if (in == null || out == null) {
                return new Expected(null, "Unavailable", "No complete token price in local provider data");
            }
            BigDecimal cents = inputDollars(in).add(outputDollars(out)).setScale(2, RoundingMode.HALF_UP);
            String note = in == out ? "Cheapest tracked route/tier: " + in.providerName()
                    : "Cheapest tracked input: " + in.providerName() + "; output: " + out.providerName();
            return new Expected(cents, usd(cents), note);
        }

        private RouteSnapshot lowest(List<RouteSnapshot> routes, boolean ofInput) {
            RouteSnapshot best = null;
            BigDecimal bestDollars = null;
            for (RouteSnapshot route : routes) {
                BigDecimal dollars = ofInput ? inputDollars(route) : outputDollars(route);
                if (dollars != null && (bestDollars == null || dollars.compareTo(bestDollars) < 0)) {
                    best = route;
                    bestDollars = dollars;
                }
            }
            return best;
        }

        String delta(Expected a, Expected b) {
            if (a.cents() == null || b.cents() == null) {
                return "Cost delta unavailable until both models have sourced input and output token prices.";
            }
            int order = a.cents().compareTo(b.cents());
            if (order == 0) {
                return "Both cost " + usd(a.cents()) + " per month at this traffic.";
            }
            return (order > 0 ? "Alpha" : "Beta") + " costs " + usd(a.cents().subtract(b.cents()).abs())
                    + " more per month than " + (order > 0 ? "Beta" : "Alpha") + " at this traffic.";
        }

        /** "Provider | $1.00 | Cheapest" rows, cheapest first, as the route table must show them. */
        List<String> routeTable(Side side) {
            record Row(RouteSnapshot route, BigDecimal cents, List<String> unfit) {
            }
            // The table starts from the routes in the order the page's own workload sorted them.
            List<RouteSnapshot> base = new ArrayList<>(side.routes());
            Workload page = new Workload(new String[] {"1000000", "800", "250", "0", "0", "0"});
            base.sort(Comparator.comparing(page::cents, Comparator.nullsLast(Comparator.naturalOrder())));
            List<Row> rows = new ArrayList<>();
            for (RouteSnapshot route : base) {
                List<String> unfit = new ArrayList<>();
                if (route.terms().status() == RouteStatus.DEPRECATED) {
                    unfit.add("deprecated");
                }
                Integer window = route.terms().contextWindow() != null ? route.terms().contextWindow()
                        : side.model().contextWindow();
                if (window != null && input + output > window) {
                    unfit.add("context too small");
                }
                if (cached.signum() > 0 && input > 0 && route.terms().cachedInputPricePerMTok() == null) {
                    unfit.add("no cache price");
                }
                rows.add(new Row(route, cents(route), unfit));
            }
            rows.sort(Comparator.comparing(Row::cents, Comparator.nullsLast(Comparator.naturalOrder())));
            List<String> shown = new ArrayList<>();
            boolean marked = false;
            for (Row row : rows) {
                String state = String.join("; ", row.unfit());
                if (!marked && row.unfit().isEmpty() && row.cents() != null) {
                    state = "Cheapest";
                    marked = true;
                } else if (!state.isEmpty()) {
                    state = Character.toUpperCase(state.charAt(0)) + state.substring(1);
                }
                shown.add(row.route().providerName() + " | " + (row.cents() == null ? "Unavailable" : usd(row.cents()))
                        + " | " + state);
            }
            return shown;
        }

        BigDecimal cents(RouteSnapshot route) {
            BigDecimal in = inputDollars(route);
            BigDecimal out = outputDollars(route);
            return in == null || out == null ? null : in.add(out).setScale(2, RoundingMode.HALF_UP);
        }

        private static String usd(BigDecimal cents) {
            return String.format(Locale.ROOT, "$%,.2f", cents);
        }
    }
}
