package org.llmreference.comparison.engine;

import org.llmreference.contracts.catalog.ModelSnapshot;

/** The opening paragraph: who the two models are, who makes them, and how much context each takes. */
final class Intro {

    private static final String CLOSING = " This comparison covers specs, pricing, API access, capabilities, benchmarks,"
            + " input and output token costs, and production fit for coding and agent workloads. It focuses on practical"
            + " selection signals rather than broad model-family marketing. The goal is to make the tradeoff clear before"
            + " deeper testing.";

    private Intro() {
    }

    static String of(ModelSnapshot a, ModelSnapshot b) {
        return withYear(a) + " and " + withYear(b) + " are general-purpose language models" + makers(a, b) + ". "
                + contextWindows(a, b) + CLOSING;
    }

    /** "gpt-oss-20b (2025)", or just the name when the release date is not sourced. */
    private static String withYear(ModelSnapshot model) {
        Integer year = Models.releaseYear(model);
        return year == null ? model.name() : model.name() + " (" + year + ")";
    }

    /** " from OpenAI and Alibaba", " from OpenAI" for one known or shared vendor, nothing when none is known. */
    private static String makers(ModelSnapshot a, ModelSnapshot b) {
        String vendorA = Models.vendor(a);
        String vendorB = Models.vendor(b);
        if (vendorA == null && vendorB == null) {
            return "";
        }
        if (vendorA == null || vendorB == null || vendorA.equals(vendorB)) {
            return " from " + (vendorA == null ? vendorB : vendorA);
        }
        return " from " + vendorA + " and " + vendorB;
    }

    private static String contextWindows(ModelSnapshot a, ModelSnapshot b) {
        if (Models.contextWindow(a) == null && Models.contextWindow(b) == null) {
            return "Neither model's context window is sourced yet.";
        }
        Integer tokensA = Models.contextWindow(a);
        Integer tokensB = Models.contextWindow(b);
        if (tokensA != null && tokensB != null && Formats.tokens(tokensA).equals(Formats.tokens(tokensB))) {
            // Equal as shown (1,000,000 and 1,048,576 both read "1M"): said once, not as a contrast.
            return "Both ship " + Texts.withArticle(Formats.tokens(tokensA)) + "-token context window.";
        }
        return contextWindow(a) + ", while " + contextWindow(b) + ".";
    }

    /** "gpt-oss-20b ships a 131k-token context window", or says it is not sourced yet. */
    private static String contextWindow(ModelSnapshot model) {
        Integer tokens = Models.contextWindow(model);
        return tokens == null
                ? model.name() + "'s context window is not sourced yet"
                : model.name() + " ships " + Texts.withArticle(Formats.tokens(tokens)) + "-token context window";
    }
}
