package org.llmreference.bench.site.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How measured values are written in the report: about three significant figures, never in exponent notation. */
public final class Figures {

    private static final double MIB = 1024 * 1024;

    private Figures() {
    }

    /**
     * 1234.5 → "1235", 84.26 → "84.3", 3.14159 → "3.14", 0.01234 → "0.0123", a whole number as such (20 → "20");
     * "n/a" when not measured, "timeout" when infinite.
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return "timeout";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    public static String millis(double millis) {
        return withUnit(millis, "ms");
    }

    public static String seconds(double seconds) {
        return withUnit(seconds, "s");
    }

    /** Bytes as MiB, which the report calls MB (as /proc and the targets do). */
    public static String megabytes(double bytes) {
        return withUnit(bytes / MIB, "MB");
    }

    public static String ratio(double ratio) {
        return Double.isFinite(ratio) ? number(ratio) + "×" : number(ratio);
    }

    private static String withUnit(double value, String unit) {
        return Double.isFinite(value) ? number(value) + " " + unit : number(value);
    }
}
