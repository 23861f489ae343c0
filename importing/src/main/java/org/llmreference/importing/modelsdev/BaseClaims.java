package org.llmreference.importing.modelsdev;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a provider file's {@code base_model} claim may anchor its route to that {@code models/}
 * entry ({@code base_compatible()} of catalog.README.md). A claim is refused when the provider's own
 * id clearly names something else:
 * <ul>
 * <li>an extra snapshot stamp ({@code -2507}, {@code -2407});</li>
 * <li>{@code distill};</li>
 * <li>a different size ({@code 12b} vs {@code 24b}; a size only one side names is not a difference);</li>
 * <li>the same stem with a different version number ({@code claude-sonnet-4} vs {@code -4-5}; digits are
 * compared run together, so Venice's {@code gpt-54} is {@code gpt-5.4}) or tier word
 * ({@code mimo-v2.5} vs {@code mimo-v2.5-pro}).</li>
 * </ul>
 */
final class BaseClaims {

    private static final Pattern YYMM_STAMP = Pattern.compile("^2[3-9](?:0[1-9]|1[0-2])$");
    private static final Pattern NOT_A_VERSION = Pattern.compile("^(\\d{4}|\\d+(\\.\\d+)?[bk]|[ae]\\d+b|\\d+e)$");
    private static final Pattern PART = Pattern.compile("[a-z]+|\\d+");
    private static final Set<String> TIER_WORDS = Set.of("pro", "max", "plus", "mini", "nano", "flash", "lite", "turbo",
            "fast", "air", "ultra", "small", "medium", "large", "opus", "sonnet", "haiku", "coder", "vl", "omni",
            "thinking", "instant", "micro", "distill");

    private BaseClaims() {
    }

    static boolean compatible(MatchKeys.Key provider, MatchKeys.Key base) {
        String p = provider.base();
        String b = base.base();
        if (p.equals(b)) {
            return true;
        }
        Set<String> extraStamps = stamps(p);
        extraStamps.removeAll(stamps(b));
        if (!extraStamps.isEmpty()) {
            return false;
        }
        if (p.contains("distill") && !b.contains("distill")) {
            return false;
        }
        String pSize = ParameterSizes.nominalToken(p);
        String bSize = ParameterSizes.nominalToken(b);
        if (pSize != null && bSize != null && !Objects.equals(pSize, bSize)) {
            return false;
        }
        if (!p.split("-")[0].replaceAll("\\d", "").equals(b.split("-")[0].replaceAll("\\d", ""))) {
            return true; // another name altogether (a product alias): trust the claim
        }
        if (!versionDigits(p).equals(versionDigits(b))) {
            return false;
        }
        Set<String> difference = words(p);
        Set<String> baseWords = words(b);
        Set<String> common = new HashSet<>(difference);
        common.retainAll(baseWords);
        difference.addAll(baseWords);
        difference.removeAll(common);
        return difference.stream().noneMatch(TIER_WORDS::contains);
    }

    private static Set<String> stamps(String key) {
        Set<String> found = new HashSet<>();
        for (String token : key.split("-")) {
            if (YYMM_STAMP.matcher(token).matches()) {
                found.add(token);
            }
        }
        return found;
    }

    /** The digits of the version tokens run together: {@code gpt-5-4} and {@code gpt-54} both give {@code 54}. */
    private static String versionDigits(String key) {
        StringBuilder digits = new StringBuilder();
        for (String token : key.split("-")) {
            if (!NOT_A_VERSION.matcher(token).matches()) {
                digits.append(token.replaceAll("\\D", ""));
            }
        }
        return digits.toString();
    }

    private static Set<String> words(String key) {
        Set<String> words = new HashSet<>();
        for (String token : key.split("-")) {
            if (NOT_A_VERSION.matcher(token).matches()) {
                continue;
            }
            Matcher part = PART.matcher(token);
            List<String> parts = new ArrayList<>();
            while (part.find()) {
                parts.add(part.group());
            }
            parts.stream().filter(s -> !Character.isDigit(s.charAt(0))).forEach(words::add);
        }
        return words;
    }
}
