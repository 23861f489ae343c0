package org.llmreference.page.rendering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.llmreference.contracts.catalog.SourceRef;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.CostPoint;
import org.llmreference.contracts.comparison.DimensionScore;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.FactTable;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.MonthlyCost;
import org.llmreference.contracts.comparison.Verdict;

/**
 * What {@code comparison.jte} shows, ready to lay out: the comparison itself plus what the page
 * derives from it (model names by id, footnotes, money and traffic in words, the chart, the JSON-LD,
 * the freshness line). Every string here is still plain text: the template escapes it.
 */
final class ComparisonView {

    /** One model's monthly cost: the amount or "Unavailable", the prices behind it and the note. */
    record CostLine(String name, String amount, boolean available, String prices, String note) {
    }

    /** One traffic level of the cost curve, for the chart's text alternative. */
    record CurveRow(String requests, String costA, String costB) {
    }

    /** One data source of the page; {@code href} only when it may be a link. */
    record SourceLine(String title, String href, String url, String reviewed, boolean stale) {
    }

    /** One line of the "What changed" box. */
    record ChangeLine(String date, long revision, String what) {
    }

    private final Site site;
    private final ComparisonPage page;
    private final Comparison comparison;
    private final Notes notes;
    private final String canonical;
    private final List<SourceLine> sources;
    private final CalculatorView calculator;

    ComparisonView(Site site, ComparisonPage page) {
        this.site = site;
        this.page = page;
        this.comparison = page.comparison();
        this.canonical = site.baseUrl() + Links.compare(comparison.pairId());
        this.notes = new Notes(page.renderedAt());
        comparison.scorecard().forEach(this::addNotes);
        for (FactTable table : new FactTable[] {comparison.specs(), comparison.pricing(), comparison.capabilities(),
                comparison.benchmarks()}) {
            if (table != null) {
                table.rows().forEach(this::addNotes);
            }
        }
        List<SourceLine> lines = new ArrayList<>();
        for (SourceRef source : comparison.sources()) {
            if (source != null) {
                lines.add(new SourceLine(Formats.text(source.title()), Links.external(source.url()),
                        source.url() == null || source.url().isBlank() ? null : source.url(),
                        source.reviewedAt() == null ? null : source.reviewedAt().toString(),
                        notes.stale(source.reviewedAt())));
            }
        }
        this.sources = List.copyOf(lines);
        this.calculator = comparison.monthlyCost() == null ? null
                : new CalculatorView(Links.compare(comparison.pairId()), page.workload(), comparison.monthlyCost().profile(),
                        List.of(new CalculatorView.Priced(comparison.modelA(), comparison.routesA()),
                                new CalculatorView.Priced(comparison.modelB(), comparison.routesB())),
                        comparison.monthlyCost().curve().stream().map(CostPoint::requestsPerMonth).sorted().toList());
    }

    private void addNotes(FactRow row) {
        if (row != null) {
            notes.add(row.a());
            notes.add(row.b());
        }
    }

    Site site() {
        return site;
    }

    ComparisonPage page() {
        return page;
    }

    Comparison comparison() {
        return comparison;
    }

    Notes notes() {
        return notes;
    }

    String nameA() {
        return comparison.modelA().name();
    }

    String nameB() {
        return comparison.modelB().name();
    }

    /** The name of model A or B by id; the id itself for any other. */
    String name(String modelId) {
        if (comparison.modelA().id().equals(modelId)) {
            return nameA();
        }
        if (comparison.modelB().id().equals(modelId)) {
            return nameB();
        }
        return Formats.text(modelId);
    }

    /** {@code {A} -> {B}}. */
    String direction(String fromModelId, String toModelId) {
        return name(fromModelId) + " -> " + name(toModelId);
    }

    String canonical() {
        return canonical;
    }

    /** The page's one-line description: the verdict sentence (else the intro), or null. */
    String description() {
        Verdict verdict = comparison.verdict();
        if (verdict != null && verdict.sentence() != null && !verdict.sentence().isBlank()) {
            return verdict.sentence();
        }
        return comparison.intro() == null || comparison.intro().isBlank() ? null : comparison.intro();
    }

    String jsonLd() {
        return JsonLd.comparison(site, this);
    }

    // ---- Verdict

    /** The weight of the dimensions scored for both models, which the totals are over. */
    String scoredWeight() {
        BigDecimal sum = BigDecimal.ZERO;
        for (DimensionScore dimension : comparison.verdict().dimensions()) {
            if (dimension.scoreA() != null && dimension.scoreB() != null && dimension.weight() != null) {
                sum = sum.add(dimension.weight());
            }
        }
        return sum.toPlainString();
    }

    /** A dimension scored for only one model or neither is greyed out; null means no class. */
    static String rowClass(DimensionScore dimension) {
        return dimension.scoreA() != null && dimension.scoreB() != null ? null : "not-scored";
    }

    // ---- Monthly cost at traffic

    /** "Assumes 1,000,000 requests a month, 800 input and 250 output tokens each." and any cache or batch share. */
    String traffic() {
        return CalculatorView.traffic(comparison.monthlyCost().profile());
    }

    /** The cost calculator and both sides' route tables. */
    CalculatorView calculator() {
        return calculator;
    }

    /** Whether the page shows a visitor's workload (then it is not indexed). */
    boolean custom() {
        return page.workload() != null && page.workload().custom();
    }

    /** A page at a visitor's workload, or computed on request for a pair without a stored page. */
    boolean noindex() {
        return custom() || page.onDemand();
    }

    List<CostLine> costs() {
        List<CostLine> lines = new ArrayList<>();
        for (ModelCost cost : comparison.monthlyCost().models()) {
            boolean available = cost.monthlyUsd() != null;
            String prices = null;
            if (available && cost.inputPricePerMTok() != null && cost.outputPricePerMTok() != null) {
                prices = Formats.price(cost.inputPricePerMTok()) + " input and "
                        + Formats.price(cost.outputPricePerMTok()) + " output per 1M tokens";
            }
            lines.add(new CostLine(name(cost.modelId()), available ? Formats.usd(cost.monthlyUsd()) : Formats.UNAVAILABLE,
                    available, prices, cost.note()));
        }
        return lines;
    }

    /** What the page says about the delta: the engine's note, else the delta in words, else null. */
    String deltaNote() {
        MonthlyCost cost = comparison.monthlyCost();
        if (cost.deltaNote() != null && !cost.deltaNote().isBlank()) {
            return cost.deltaNote();
        }
        if (cost.deltaUsd() == null) {
            return null;
        }
        int sign = cost.deltaUsd().signum();
        return sign == 0 ? nameA() + " and " + nameB() + " cost the same a month."
                : nameB() + " costs " + Formats.usd(cost.deltaUsd().abs()) + (sign > 0 ? " more" : " less")
                        + " a month than " + nameA() + ".";
    }

    /** The chart's SVG (escaped by {@link CostChart}), or null when neither model has a cost to draw. */
    String chart() {
        return CostChart.svg(nameA(), nameB(), comparison.monthlyCost().curve());
    }

    /** Each side's cheapest route's price over time (sides without a history left out). */
    List<PriceHistoryChart> histories() {
        List<PriceHistoryChart> charts = new java.util.ArrayList<>();
        addHistory(charts, comparison.modelA().id(), nameA(), comparison.historyA());
        addHistory(charts, comparison.modelB().id(), nameB(), comparison.historyB());
        return charts;
    }

    private void addHistory(List<PriceHistoryChart> charts, String modelId, String name,
            List<org.llmreference.contracts.pricing.PriceStep> history) {
        String route = comparison.monthlyCost() == null ? null : comparison.monthlyCost().models().stream()
                .filter(m -> m.modelId().equals(modelId)).map(m -> m.outputRoute() != null ? m.outputRoute() : m.inputRoute())
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        PriceHistoryChart chart = PriceHistoryChart.of(
                "Price of " + name + (route == null ? "" : " on " + route) + " over time", history);
        if (chart != null) {
            charts.add(chart);
        }
    }

    String chartTitle() {
        return CostChart.title(nameA(), nameB());
    }

    List<CurveRow> curve() {
        List<CostPoint> points = new ArrayList<>(comparison.monthlyCost().curve());
        points.sort(Comparator.comparingLong(CostPoint::requestsPerMonth));
        List<CurveRow> rows = new ArrayList<>();
        for (CostPoint point : points) {
            rows.add(new CurveRow(Formats.count(point.requestsPerMonth()), cost(point.modelAUsd()),
                    cost(point.modelBUsd())));
        }
        return rows;
    }

    private static String cost(BigDecimal usd) {
        return usd == null ? Formats.UNAVAILABLE : Formats.usd(usd);
    }

    // ---- Sources and freshness

    String lastReviewed() {
        return Formats.date(comparison.lastReviewed());
    }

    List<SourceLine> sources() {
        return sources;
    }

    /** Whether anything on the page is marked possibly stale (then the page explains the mark). */
    boolean anyStale() {
        return notes.anyStale() || sources.stream().anyMatch(SourceLine::stale);
    }

    /** A notice for each model being retired: when, and its successor with the same comparison. */
    List<Retirement> retirements() {
        List<Retirement> notices = new ArrayList<>();
        Retirement a = Retirement.of(comparison.modelA(), comparison.modelB());
        Retirement b = Retirement.of(comparison.modelB(), comparison.modelA());
        if (a != null) {
            notices.add(a);
        }
        if (b != null) {
            notices.add(b);
        }
        return notices;
    }

    /**
     * The page's one word on staleness, or null when nothing is stale: "Some values were last verified
     * 2026-02-20, 91 days before this page was rendered on 2026-05-22. They are marked ◷ and may have
     * changed since." Each stale cell then carries only the small mark.
     */
    String staleNotice() {
        if (!anyStale()) {
            return null;
        }
        LocalDate oldest = notes.oldestStale();
        for (SourceLine source : sources) {
            if (source.stale()) {
                LocalDate reviewed = LocalDate.parse(source.reviewed());
                oldest = oldest == null || reviewed.isBefore(oldest) ? reviewed : oldest;
            }
        }
        LocalDate rendered = LocalDate.ofInstant(page.renderedAt(), ZoneOffset.UTC);
        long days = ChronoUnit.DAYS.between(oldest, rendered);
        return "Some values were last verified " + oldest + ", " + days + " days before this page was rendered on "
                + rendered + ". They are marked \u25F7 and may have changed since.";
    }

    /** "0.4 s": how long after the source change this page was rendered. */
    String freshness() {
        return Formats.seconds(page.occurredAt(), page.renderedAt());
    }

    String occurredDate() {
        return Formats.date(page.occurredAt());
    }

    String occurredAt() {
        return page.occurredAt().toString();
    }

    /** The page's changes, newest first. */
    List<ChangeLine> changes() {
        List<PageChange> changes = new ArrayList<>(page.changes());
        changes.sort(Comparator.comparingLong(PageChange::revision).reversed()
                .thenComparing(PageChange::occurredAt, Comparator.reverseOrder()));
        List<ChangeLine> lines = new ArrayList<>();
        for (PageChange change : changes) {
            lines.add(new ChangeLine(Formats.date(change.occurredAt()), change.revision(), change.description()));
        }
        return lines;
    }
}
