package org.llmreference.importing.modelsdev;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nominal parameter count written in a model id, in billions: {@code gpt-oss-20b} is 20,
 * {@code qwen3.5-397b-a17b} is 397 (total, not active), {@code gemma-3n-e4b} is 4 (effective),
 * {@code mixtral-8x7b} is 56. It is the name, not a measurement: gpt-oss-20b really has about 21B.
 */
final class ParameterSizes {

    private static final Pattern TOTAL = Pattern.compile("^(?:(\\d+)x)?(\\d+(?:\\.\\d+)?)b$");
    private static final Pattern EFFECTIVE = Pattern.compile("^e(\\d+(?:\\.\\d+)?)b$");

    private ParameterSizes() {
    }

    static BigDecimal billions(String id) {
        for (String token : id.toLowerCase().split("-")) {
            Matcher total = TOTAL.matcher(token);
            if (total.matches()) {
                BigDecimal size = new BigDecimal(total.group(2));
                if (total.group(1) != null) {
                    size = size.multiply(new BigDecimal(total.group(1)));
                }
                return positive(size);
            }
        }
        for (String token : id.toLowerCase().split("-")) {
            Matcher effective = EFFECTIVE.matcher(token);
            if (effective.matches()) {
                return positive(new BigDecimal(effective.group(1)));
            }
        }
        return null;
    }

    /** The size token of a match key ({@code 397b} of {@code qwen-3-5-397b-a17b}), or null. */
    static String nominalToken(String key) {
        for (String token : key.split("-")) {
            if (TOTAL.matcher(token).matches() || EFFECTIVE.matcher(token).matches()) {
                return token;
            }
        }
        return null;
    }

    private static BigDecimal positive(BigDecimal size) {
        if (size.signum() <= 0) {
            return null;
        }
        BigDecimal stripped = size.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
