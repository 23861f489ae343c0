package org.llmreference.page.rendering;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.ModelSummary;

/**
 * What {@code model.jte} shows: the model page and the footnotes of its facts. A model page has no
 * rendering time, so nothing on it is marked possibly stale; each note still gives its verified date.
 */
final class ModelView {

    private final Site site;
    private final ModelPage page;
    private final Notes notes = new Notes(null);
    private final CalculatorView calculator;

    ModelView(Site site, ModelPage page) {
        this.site = site;
        this.page = page;
        for (FactRow row : page.facts()) {
            if (row != null) {
                notes.add(row.a());
            }
        }
        ModelPricing pricing = page.pricing();
        this.calculator = pricing == null ? null
                : new CalculatorView(Links.model(page.model().id()), page.workload(), pricing.profile(),
                        List.of(new CalculatorView.Priced(page.model(), pricing.routes())),
                        pricing.curve().stream().map(CostPoint::requestsPerMonth).sorted().toList());
    }

    /** The cost calculator and the route table; null when no comparison carries the model's routes. */
    CalculatorView calculator() {
        return calculator;
    }

    /**
     * The step chart of the dated prices of the model's cheapest route (the one pricing its output
     * tokens at the page's own workload), or null when no history is recorded. At a visitor's workload
     * the cheapest route may be another one, so the title then names no route.
     */
    PriceHistoryChart history() {
        ModelPricing pricing = page.pricing();
        if (pricing == null) {
            return null;
        }
        String route = page.workload() != null ? null
                : pricing.cost().outputRoute() != null ? pricing.cost().outputRoute() : pricing.cost().inputRoute();
        return PriceHistoryChart.of("Price of " + page.model().name() + (route == null ? "" : " on " + route)
                + " over time", pricing.history());
    }

    /** Where the model's own Atom feed is, relative to the site. */
    String feed() {
        return Links.modelFeed(page.model().id());
    }

    /** The model's own Atom feed, absolute, for the page's {@code <link rel="alternate">}. */
    String feedUrl() {
        return site.baseUrl() + feed();
    }

    /** Whether the page shows a visitor's workload (then it is not indexed). */
    boolean custom() {
        return page.workload() != null && page.workload().custom();
    }

    String traffic() {
        return CalculatorView.traffic(page.pricing().profile());
    }

    /** The model's monthly cost at the workload, or "Unavailable". */
    String cost() {
        BigDecimal usd = page.pricing().cost().monthlyUsd();
        return usd == null ? Formats.UNAVAILABLE : Formats.usd(usd);
    }

    String costNote() {
        return page.pricing().cost().note();
    }

    /** Requests per month and the model's cost there, for the curve table. */
    List<String[]> curve() {
        List<CostPoint> points = new ArrayList<>(page.pricing().curve());
        points.sort(Comparator.comparingLong(CostPoint::requestsPerMonth));
        List<String[]> rows = new ArrayList<>();
        for (CostPoint point : points) {
            rows.add(new String[] {Formats.count(point.requestsPerMonth()),
                    point.modelAUsd() == null ? Formats.UNAVAILABLE : Formats.usd(point.modelAUsd())});
        }
        return rows;
    }

    Site site() {
        return site;
    }

    ModelPage page() {
        return page;
    }

    ModelSummary model() {
        return page.model();
    }

    Notes notes() {
        return notes;
    }

    String canonical() {
        return site.baseUrl() + Links.model(page.model().id());
    }

    String vendor() {
        return Formats.text(page.model().vendor());
    }

    String released() {
        return page.model().releaseYear() == null ? Formats.UNKNOWN : page.model().releaseYear().toString();
    }

    String contextWindow() {
        Integer tokens = page.model().contextWindow();
        return tokens == null ? Formats.UNKNOWN : Formats.count(tokens) + " tokens";
    }

    /** "X is deprecated and retires on 2026-06-01.", null for a model not being retired. */
    String retirement() {
        return Retirement.sentence(page.model());
    }

    /** "Retired" beside the date a retired model left service, "Retires" beside the date one is due to. */
    String retirementDateLabel() {
        return retired() ? "Retired" : "Retires";
    }

    /** The facts table's caption: a retired model's facts, prices included, are the last ones listed. */
    String factsCaption() {
        return retired() ? "Facts about " + page.model().name() + ", as last listed before it was retired"
                : "Facts about " + page.model().name();
    }

    private boolean retired() {
        return page.model().status() == ModelStatus.RETIRED;
    }

    String status() {
        return page.model().status() == null ? Formats.UNKNOWN
                : page.model().status().name().toLowerCase(Locale.ROOT);
    }

    /** "gpt-oss-20b by OpenAI: its facts and comparisons.", for the meta description. */
    String description() {
        String vendor = page.model().vendor();
        return page.model().name() + (vendor == null || vendor.isBlank() ? "" : " by " + vendor)
                + ": specs, prices, capabilities and every comparison it is in.";
    }
}
