package org.llmreference.bench.site.report;

import java.util.function.DoubleFunction;

/**
 * A target a figure should meet, e.g. "p50 ≤ 100 ms". Checking a measured value gives an
 * {@link Outcome}: met or missed. A value that could not be measured (NaN) misses, saying so; an
 * infinite one (a timeout) misses an upper bound and meets a lower one, like any huge value.
 */
public final class Target {

    /** Which side of the limit the figure must be on; the limit itself meets the target. */
    public enum Direction {
        AT_MOST("≤"), AT_LEAST("≥");

        private final String symbol;

        Direction(String symbol) {
            this.symbol = symbol;
        }
    }

    private final String name;
    private final Direction direction;
    private final double limit;
    private final DoubleFunction<String> format;

    private Target(String name, Direction direction, double limit, DoubleFunction<String> format) {
        this.name = name;
        this.direction = direction;
        this.limit = limit;
        this.format = format;
    }

    /** The figure must not be above {@code limit}; {@code format} writes both the figure and the limit. */
    public static Target atMost(String name, double limit, DoubleFunction<String> format) {
        return new Target(name, Direction.AT_MOST, limit, format);
    }

    /** The figure must not be below {@code limit}. */
    public static Target atLeast(String name, double limit, DoubleFunction<String> format) {
        return new Target(name, Direction.AT_LEAST, limit, format);
    }

    public Outcome check(double measured) {
        if (Double.isNaN(measured)) {
            return new Outcome(this, measured, false, "not measured");
        }
        boolean met = direction == Direction.AT_MOST ? measured <= limit : measured >= limit;
        return new Outcome(this, measured, met, null);
    }

    public String name() {
        return name;
    }

    /** "≤ 100 ms" */
    public String bound() {
        return direction.symbol + " " + format.apply(limit);
    }

    /** A checked target. */
    public record Outcome(Target target, double measured, boolean met, String detail) {

        /** The same outcome with a note after the figure, e.g. which process was largest. */
        public Outcome because(String why) {
            return new Outcome(target, measured, met, detail == null ? why : detail + "; " + why);
        }

        /** "**MET** B1 p50: 84.3 ms (target ≤ 100 ms)", with the detail in brackets when there is one. */
        public String line() {
            String figure = Double.isNaN(measured) ? "not measured" : target.format.apply(measured);
            String note = detail == null || detail.equals("not measured") ? "" : " (" + detail + ")";
            return "**" + (met ? "MET" : "MISSED") + "** " + target.name + ": " + figure + note
                    + " (target " + target.bound() + ")";
        }
    }
}
