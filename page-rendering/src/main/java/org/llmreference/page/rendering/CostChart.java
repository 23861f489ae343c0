package org.llmreference.page.rendering;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.llmreference.contracts.comparison.CostPoint;

/**
 * The "Monthly cost at traffic" chart: both models' monthly cost across the curve's traffic levels,
 * as inline SVG (no script). Requests per month on a log scale, dollars on a linear one from zero.
 * Every text in it is escaped with {@link Xml#escape}; every number in it is computed here from the
 * curve's longs and decimals.
 */
final class CostChart {

    static final String TITLE_ID = "cost-chart-title";

    private static final int WIDTH = 560;
    private static final int HEIGHT = 300;
    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 56;
    private static final int BOTTOM = 48;
    private static final String GRID = "#d4d4d4";
    private static final String INK = "#333333";
    private static final Series A = new Series("series-a", "#1d4ed8", null, CostPoint::modelAUsd);
    private static final Series B = new Series("series-b", "#b45309", "6 4", CostPoint::modelBUsd);

    private record Series(String cssClass, String color, String dash, Function<CostPoint, BigDecimal> cost) {
    }

    private final String nameA;
    private final String nameB;
    private final List<CostPoint> points;
    private final BigDecimal top;
    private final BigDecimal step;
    private final double minLog;
    private final double maxLog;

    private CostChart(String nameA, String nameB, List<CostPoint> points, BigDecimal top, BigDecimal step) {
        this.nameA = nameA;
        this.nameB = nameB;
        this.points = points;
        this.top = top;
        this.step = step;
        this.minLog = Math.log10(points.get(0).requestsPerMonth());
        this.maxLog = Math.log10(points.get(points.size() - 1).requestsPerMonth());
    }

    /** The chart's title, also its accessible name. */
    static String title(String nameA, String nameB) {
        return "Monthly cost of " + nameA + " and " + nameB + " by requests per month";
    }

    /**
     * The SVG, or null when there is nothing to draw (no traffic level, or no cost for either model).
     */
    static String svg(String nameA, String nameB, List<CostPoint> curve) {
        List<CostPoint> points = new ArrayList<>();
        for (CostPoint point : curve) {
            if (point != null && point.requestsPerMonth() > 0) {
                points.add(point);
            }
        }
        points.sort(Comparator.comparingLong(CostPoint::requestsPerMonth));
        BigDecimal max = null;
        for (CostPoint point : points) {
            for (BigDecimal cost : new BigDecimal[] {point.modelAUsd(), point.modelBUsd()}) {
                if (cost != null && cost.signum() >= 0 && (max == null || cost.compareTo(max) > 0)) {
                    max = cost;
                }
            }
        }
        if (max == null) {
            return null;
        }
        BigDecimal step = niceStep(max.divide(BigDecimal.valueOf(4), MathContext.DECIMAL64));
        BigDecimal steps = max.divide(step, 0, RoundingMode.CEILING).max(BigDecimal.ONE);
        return new CostChart(nameA, nameB, points, step.multiply(steps), step).draw();
    }

    /** The smallest 1, 2 or 5 times a power of ten that is at least {@code raw}; 1 when raw is 0. */
    static BigDecimal niceStep(BigDecimal raw) {
        if (raw.signum() <= 0) {
            return BigDecimal.ONE;
        }
        int exponent = raw.precision() - raw.scale() - 1;
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
        for (int multiple : new int[] {1, 2, 5, 10}) {
            BigDecimal candidate = power.multiply(BigDecimal.valueOf(multiple));
            if (candidate.compareTo(raw) >= 0) {
                return candidate.stripTrailingZeros();
            }
        }
        throw new AssertionError("10 times the power of ten below a number is above it");
    }

    private String draw() {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(TITLE_ID)
                .append("\" font-family=\"system-ui, sans-serif\" font-size=\"14\">");
        svg.append("<title id=\"").append(TITLE_ID).append("\">");
        Xml.escape(title(nameA, nameB), svg);
        svg.append("</title>");
        legend(svg);
        axes(svg);
        series(svg, A, nameA);
        series(svg, B, nameB);
        return svg.append("</svg>").toString();
    }

    private void legend(StringBuilder svg) {
        svg.append("<g class=\"legend\">");
        legendItem(svg, A, nameA, 18);
        legendItem(svg, B, nameB, 38);
        svg.append("</g>");
    }

    private void legendItem(StringBuilder svg, Series series, String name, int y) {
        boolean available = points.stream().anyMatch(point -> series.cost().apply(point) != null);
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y - 4).append("\" x2=\"").append(LEFT + 24)
                .append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(series.color())
                .append("\" stroke-width=\"3\"");
        if (series.dash() != null) {
            svg.append(" stroke-dasharray=\"").append(series.dash()).append('"');
        }
        svg.append("/><text x=\"").append(LEFT + 32).append("\" y=\"").append(y).append("\" fill=\"").append(INK)
                .append("\">");
        Xml.escape(name, svg);
        if (!available) {
            svg.append(": unavailable (no complete token price)");
        }
        svg.append("</text>");
    }

    private void axes(StringBuilder svg) {
        svg.append("<g class=\"axes\" fill=\"").append(INK).append("\">");
        for (BigDecimal tick = BigDecimal.ZERO; tick.compareTo(top) <= 0; tick = tick.add(step)) {
            String y = coordinate(y(tick));
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y2=\"").append(y).append("\" stroke=\"").append(GRID).append("\"/>");
            svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(y)
                    .append("\" dy=\"4\" text-anchor=\"end\">").append(Formats.usdTick(tick)).append("</text>");
        }
        for (CostPoint point : points) {
            String x = coordinate(x(point.requestsPerMonth()));
            svg.append("<line x1=\"").append(x).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(HEIGHT - BOTTOM + 5).append("\" stroke=\"").append(INK).append("\"/>");
            svg.append("<text x=\"").append(x).append("\" y=\"").append(HEIGHT - BOTTOM + 20)
                    .append("\" text-anchor=\"middle\">").append(Formats.compact(point.requestsPerMonth()))
                    .append("</text>");
        }
        svg.append("<text x=\"").append(LEFT + (WIDTH - LEFT - RIGHT) / 2).append("\" y=\"").append(HEIGHT - 6)
                .append("\" text-anchor=\"middle\">Requests per month (log scale)</text>");
        svg.append("</g>");
    }

    private void series(StringBuilder svg, Series series, String name) {
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        boolean drawing = false;
        for (CostPoint point : points) {
            BigDecimal cost = series.cost().apply(point);
            if (cost == null || cost.signum() < 0) {
                drawing = false;
                continue;
            }
            String x = coordinate(x(point.requestsPerMonth()));
            String y = coordinate(y(cost));
            path.append(drawing ? " L" : (path.length() == 0 ? "M" : " M")).append(x).append(' ').append(y);
            drawing = true;
            dots.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"4\"><title>");
            Xml.escape(name, dots);
            dots.append(": ").append(Formats.usd(cost)).append(" a month at ")
                    .append(Formats.count(point.requestsPerMonth())).append(" requests</title></circle>");
        }
        if (path.length() == 0) {
            return;
        }
        svg.append("<g class=\"series ").append(series.cssClass()).append("\" fill=\"").append(series.color())
                .append("\"><title>");
        Xml.escape(name, svg);
        svg.append("</title><path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(series.color())
                .append("\" stroke-width=\"2.5\"");
        if (series.dash() != null) {
            svg.append(" stroke-dasharray=\"").append(series.dash()).append('"');
        }
        svg.append("/>").append(dots).append("</g>");
    }

    private double x(long requests) {
        double left = LEFT + 16;
        double width = WIDTH - RIGHT - 16 - left;
        if (maxLog <= minLog) {
            return left + width / 2;
        }
        return left + width * (Math.log10(requests) - minLog) / (maxLog - minLog);
    }

    private double y(BigDecimal cost) {
        double share = cost.divide(top, MathContext.DECIMAL64).doubleValue();
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * share;
    }

    /** A coordinate to one decimal, written from a long: {@code 123.4}, {@code 88}. */
    private static String coordinate(double value) {
        long tenths = Math.round(value * 10);
        long whole = tenths / 10;
        long tenth = Math.abs(tenths % 10);
        return tenth == 0 ? Long.toString(whole) : whole + "." + tenth;
    }
}
