package org.llmreference.page.rendering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.llmreference.contracts.pricing.PriceStep;

/**
 * A route's price over time: its dated prices as a table and, when there are at least two, an inline
 * SVG step chart of the input and output price per 1M tokens (no script). Time runs left to right,
 * dollars bottom to top from zero. Every text in the SVG is escaped with {@link Xml#escape}; every
 * number in it is computed here. A route with one price has a table of one row and no chart.
 */
public final class PriceHistoryChart {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 220;
    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 40;
    private static final int BOTTOM = 36;

    /** One dated price, as the table shows it. */
    public record Row(String date, String input, String output, String origin) {
    }

    private final String title;
    private final List<PriceStep> steps;

    private PriceHistoryChart(String title, List<PriceStep> steps) {
        this.title = title;
        this.steps = steps;
    }

    /** The chart of {@code steps} (oldest first) titled {@code title}, or null when there is none. */
    public static PriceHistoryChart of(String title, List<PriceStep> steps) {
        return steps == null || steps.isEmpty() ? null : new PriceHistoryChart(title, List.copyOf(steps));
    }

    public String title() {
        return title;
    }

    public List<Row> rows() {
        return steps.stream().map(s -> new Row(date(s.effectiveFrom()), WhatChanged.perMTok(s.inputPricePerMTok()),
                WhatChanged.perMTok(s.outputPricePerMTok()), s.origin())).toList();
    }

    /** The step chart's SVG, or null for a route with one price (a chart would mislead). */
    public String svg() {
        if (steps.size() < 2) {
            return null;
        }
        long start = steps.get(0).effectiveFrom().getEpochSecond();
        long last = steps.get(steps.size() - 1).effectiveFrom().getEpochSecond();
        long end = last + Math.max(1, (last - start) / 8);
        double max = 0;
        for (PriceStep step : steps) {
            max = Math.max(max, value(step.inputPricePerMTok()));
            max = Math.max(max, value(step.outputPricePerMTok()));
        }
        double top = max <= 0 ? 1 : max * 1.1;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"price-history\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"");
        Xml.escape(title, svg);
        svg.append("\"><title>");
        Xml.escape(title, svg);
        svg.append("</title>");
        double plotBottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d4d4d4\"/>",
                LEFT, plotBottom, WIDTH - RIGHT, plotBottom));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"16\">$0</text>",
                LEFT - 6, plotBottom + 4));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"16\">",
                LEFT - 6, TOP + 4));
        Xml.escape(WhatChanged.perMTok(BigDecimal.valueOf(max)), svg);
        svg.append("</text>");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d4d4d4\" stroke-dasharray=\"2 3\"/>",
                LEFT, y(max, top), WIDTH - RIGHT, y(max, top)));
        series(svg, "input", "#1d4ed8", null, PriceStep::inputPricePerMTok, start, end, top);
        series(svg, "output", "#b45309", "6 4", PriceStep::outputPricePerMTok, start, end, top);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"16\">", LEFT, HEIGHT - 12));
        Xml.escape(date(steps.get(0).effectiveFrom()), svg);
        svg.append("</text>");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"16\">",
                WIDTH - RIGHT, HEIGHT - 12));
        Xml.escape(date(steps.get(steps.size() - 1).effectiveFrom()), svg);
        svg.append("</text>");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"20\" font-size=\"16\" fill=\"#1d4ed8\">— input</text>");
        svg.append("<text x=\"").append(LEFT + 100).append("\" y=\"20\" font-size=\"16\" fill=\"#b45309\">- - output</text>");
        return svg.append("</svg>").toString();
    }

    private void series(StringBuilder svg, String name, String color, String dash, Function<PriceStep, BigDecimal> price,
            long start, long end, double top) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            BigDecimal value = price.apply(steps.get(i));
            if (value == null) {
                continue;
            }
            long from = steps.get(i).effectiveFrom().getEpochSecond();
            long to = i + 1 < steps.size() ? steps.get(i + 1).effectiveFrom().getEpochSecond() : end;
            int y = y(value.doubleValue(), top);
            path.append(path.length() == 0 ? "M" : " L").append(x(from, start, end)).append(' ').append(y)
                    .append(" L").append(x(to, start, end)).append(' ').append(y);
        }
        if (path.length() == 0) {
            return;
        }
        svg.append("<path class=\"").append(name).append("\" d=\"").append(path).append("\" fill=\"none\" stroke=\"")
                .append(color).append("\" stroke-width=\"2.5\"");
        if (dash != null) {
            svg.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        svg.append("/>");
    }

    private static int x(long at, long start, long end) {
        return LEFT + (int) Math.round((double) (at - start) / (end - start) * (WIDTH - LEFT - RIGHT));
    }

    private static int y(double value, double top) {
        return TOP + (int) Math.round((1 - value / top) * (HEIGHT - TOP - BOTTOM));
    }

    private static double value(BigDecimal price) {
        return price == null ? 0 : price.doubleValue();
    }

    private static String date(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
