package org.llmreference.comparison.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How numbers look on the page. Every method takes an exact value and gives the text shown; none
 * depends on the JVM's locale.
 */
final class Formats {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private Formats() {
    }

    /**
     * Token counts the way people say them: "131k", "8k" below a million (thousands, rounded half
     * up), "1M", "1.5M" from a million (one decimal, half up, a trailing ".0" dropped).
     */
    static String tokens(long n) {
        BigDecimal tokens = BigDecimal.valueOf(n);
        if (n < 1_000_000) {
            return tokens.divide(THOUSAND, 0, RoundingMode.HALF_UP).toPlainString() + "k";
        }
        return plain(tokens.divide(MILLION, 1, RoundingMode.HALF_UP)) + "M";
    }

    /** A price in USD per 1M tokens as the tables show it: "$0.03/1M tokens", "$0.075/1M tokens", "$10.00/1M tokens". */
    static String pricePerMTok(BigDecimal usd) {
        return pricePerM(usd) + " tokens";
    }

    /** The same price in running prose, before a word saying which tokens: "$0.03/1M" (input tokens). */
    static String pricePerM(BigDecimal usd) {
        BigDecimal stripped = usd.stripTrailingZeros();
        BigDecimal shown = stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped;
        return "$" + shown.toPlainString() + "/1M";
    }

    /** Dollars and cents with grouping commas: "$59.00", "$1,234.50". Rounds half up to cents if given more. */
    static String money(BigDecimal usd) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return "$" + format.format(usd);
    }

    /** Parameter counts in billions: "20B", "0.5B", "685B"; a thousand billions and more in trillions, "1.5T". */
    static String parameters(BigDecimal billions) {
        if (billions.compareTo(THOUSAND) >= 0) {
            return plain(billions.divide(THOUSAND)) + "T";
        }
        return plain(billions) + "B";
    }

    /** A decimal without trailing zeros and never in exponent notation: 20, 0.5, 85.2. */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
