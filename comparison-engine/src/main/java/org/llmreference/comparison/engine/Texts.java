package org.llmreference.comparison.engine;

import java.util.List;

/** How the page writes lists and counts in prose, so every section says them the same way. */
final class Texts {

    private Texts() {
    }

    /** "X", "X and Y", "X, Y, and Z": the Oxford comma, as on the reference page. Empty for no items. */
    static String list(List<String> items) {
        switch (items.size()) {
            case 0:
                return "";
            case 1:
                return items.get(0);
            case 2:
                return items.get(0) + " and " + items.get(1);
            default:
                return String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.get(items.size() - 1);
        }
    }

    /** "1 row", "0 rows", "9 rows". */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** "131k vs 262k", or "both 131k" when the two say the same: equal values are not a contrast. */
    static String versus(String a, String b) {
        return a.equals(b) ? "both " + a : a + " vs " + b;
    }

    /**
     * "a 131k", "an 8k", "an 11k", "an 18M": the article as the figure is read aloud (eight, eleven and
     * eighteen start with a vowel sound).
     */
    static String withArticle(String figure) {
        boolean vowelSound = figure.startsWith("8") || figure.matches("(11|18)(\\D.*)?");
        return (vowelSound ? "an " : "a ") + figure;
    }

    /** The verb agreeing with a list: "OpenRouter serves", "OpenRouter and Groq serve". */
    static String agree(List<?> subjects, String singular, String plural) {
        return subjects.size() == 1 ? singular : plural;
    }
}
