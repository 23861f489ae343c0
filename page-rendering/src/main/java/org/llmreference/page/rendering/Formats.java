package org.llmreference.page.rendering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** How numbers, money, dates and durations read on a page. Decimals stay decimals: no doubles. */
final class Formats {

    static final String UNKNOWN = "-";
    static final String UNAVAILABLE = "Unavailable";

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);

    private Formats() {
    }

    /** A text as shown in a cell: {@code "-"} when unknown or blank. */
    static String text(String text) {
        return text == null || text.isBlank() ? UNKNOWN : text;
    }

    /** {@code $59.00}, {@code $1,234.50}, {@code <$0.01}; {@code "-"} when unknown. */
    static String usd(BigDecimal amount) {
        if (amount == null) {
            return UNKNOWN;
        }
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        if (cents.signum() == 0 && amount.signum() > 0) {
            return "<$0.01";
        }
        return (cents.signum() < 0 ? "-$" : "$") + grouped(cents.abs().toPlainString());
    }

    /** An axis label: {@code $0}, {@code $200}, {@code $1,500}, {@code $0.25}. */
    static String usdTick(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() <= 0) {
            return "$" + grouped(plain.toBigIntegerExact().toString());
        }
        return "$" + plain.setScale(Math.max(2, plain.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A price per 1M tokens, as precise as the price list: {@code $0.03}, {@code $0.075}. */
    static String price(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return "$" + plain.setScale(Math.max(2, plain.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** {@code 1,000,000}. */
    static String count(long value) {
        return value < 0 ? "-" + grouped(Long.toString(-value)) : grouped(Long.toString(value));
    }

    /** {@code 10k}, {@code 1M}, {@code 2.5M}, {@code 1B}. */
    static String compact(long value) {
        BigDecimal v = BigDecimal.valueOf(value);
        if (value >= 1_000_000_000L) {
            return plain(v.divide(BILLION)) + "B";
        }
        if (value >= 1_000_000L) {
            return plain(v.divide(MILLION)) + "M";
        }
        if (value >= 1_000L) {
            return plain(v.divide(THOUSAND)) + "k";
        }
        return Long.toString(value);
    }

    /** A score or weight as computed: {@code 0.57}, {@code 20}; {@code "-"} when not scored. */
    static String decimal(BigDecimal value) {
        return value == null ? UNKNOWN : value.toPlainString();
    }

    /** A share 0..1 as a percentage: {@code 25%}, {@code 12.5%}. */
    static String percent(BigDecimal share) {
        return plain(share.movePointRight(2)) + "%";
    }

    /** {@code 2026-05-22}, in UTC. */
    static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    static String date(LocalDate date) {
        return date == null ? UNKNOWN : date.toString();
    }

    /**
     * The time between a change and its page, never negative: one decimal below 10 s
     * ({@code 0.4 s}), whole seconds above ({@code 42 s}, {@code 3,600 s}).
     */
    static String seconds(Instant from, Instant to) {
        long millis = Math.max(0, Duration.between(from, to).toMillis());
        if (millis < 9_950) {
            long tenths = (millis + 50) / 100;
            return tenths / 10 + "." + tenths % 10 + " s";
        }
        return count((millis + 500) / 1000) + " s";
    }

    /** A plain non-negative number with its integer digits in groups of three: {@code 1,234.50}. */
    private static String grouped(String plain) {
        int point = plain.indexOf('.');
        int integerDigits = point < 0 ? plain.length() : point;
        if (integerDigits <= 3) {
            return plain;
        }
        StringBuilder out = new StringBuilder(plain.length() + integerDigits / 3);
        for (int i = 0; i < integerDigits; i++) {
            if (i > 0 && (integerDigits - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, integerDigits, plain.length()).toString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
