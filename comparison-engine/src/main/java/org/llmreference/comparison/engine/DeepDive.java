package org.llmreference.comparison.engine;

import java.util.ArrayList;
import java.util.List;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;

/**
 * "Deep dive": three paragraphs written from the same facts as the tables (never free text that
 * could drift from them): where the capabilities differ, how complete the pricing is, and when to
 * choose each model.
 */
final class DeepDive {

    private static final String USE_DIFFERENCES = " Use those differences to decide whether the page is about raw model"
            + " quality, agentic coding support, multimodal ingestion, or predictable structured API behavior.";
    private static final String USE_OTHER_SIGNALS = " With the capability footprint level, the practical split comes from"
            + " context, pricing, and provider coverage rather than feature count. Use those signals to decide whether"
            + " the page is about raw model quality, agentic coding support, multimodal ingestion, or predictable"
            + " structured API behavior.";
    private static final String CHECK_THE_ROUTE = " verify the route you will actually call before estimating production spend.";
    private static final String FOR_PRODUCTION = "For production, rerun your own prompts through the exact provider, region,"
            + " and tool stack you plan to ship. This keeps the decision grounded in measurable tradeoffs instead of"
            + " brand-level assumptions. It also helps separate model capability from provider packaging, which can change"
            + " cost and latency. For teams standardizing a stack, that distinction is often the difference between a"
            + " benchmark win and a reliable deployment.";

    private DeepDive() {
    }

    static List<String> paragraphs(Side a, Side b, List<Tradeoffs.Bullet> favouringA, List<Tradeoffs.Bullet> favouringB) {
        return List.of(capabilities(a.model(), b.model()), pricing(a, b), choosing(a, favouringA, b, favouringB));
    }

    /** "The capability footprint differs most on vision: Qwen3.5-4B, ..." */
    static String capabilities(ModelSnapshot a, ModelSnapshot b) {
        List<Capability> differing = Capability.differing(a, b);
        if (differing.isEmpty()) {
            List<Capability> shared = Capability.allExposedBy(a);
            String same = shared.isEmpty()
                    ? "No exposed capability is recorded for either model in local data."
                    : "Both models expose the same capabilities in local data: " + Texts.list(Capability.prose(shared)) + ".";
            return same + USE_OTHER_SIGNALS;
        }
        List<String> holders = new ArrayList<>();
        for (Capability capability : differing) {
            holders.add(capability.prose + ": " + (capability.exposedBy(a) ? a.name() : b.name()));
        }
        return "The capability footprint differs most on " + Texts.list(holders) + ". Both models share the core"
                + " language-model surface, so the practical split is not just feature count." + USE_DIFFERENCES;
    }

    /** "Pricing coverage is uneven: gpt-oss-20b has $0.03/1M input tokens and ..." */
    static String pricing(Side a, Side b) {
        RouteSnapshot inputA = PriceList.of(a).cheapestInput();
        RouteSnapshot inputB = PriceList.of(b).cheapestInput();
        if (inputA != null && inputB != null && samePrice(inputA, inputB)) {
            return "Pricing is sourced for both, and both have " + inputPrice(inputA) + "." + availability(a, b)
                    + " Compare the monthly estimate at your own traffic, then" + CHECK_THE_ROUTE;
        }
        if (inputA != null && inputB != null) {
            return "Pricing is sourced for both: " + a.name() + " has " + inputPrice(inputA) + " and " + b.name() + " has "
                    + inputPrice(inputB) + "." + availability(a, b)
                    + " Compare the monthly estimate at your own traffic, then" + CHECK_THE_ROUTE;
        }
        if (inputA == null && inputB == null) {
            return "Neither model has a token price sourced yet." + availability(a, b) + unknownPricing();
        }
        Side priced = inputA != null ? a : b;
        Side unpriced = inputA != null ? b : a;
        return "Pricing coverage is uneven: " + priced.name() + " has " + inputPrice(inputA != null ? inputA : inputB)
                + " and " + unpriced.name() + " has no token price sourced yet." + availability(priced, unpriced)
                + unknownPricing();
    }

    /** "Choose gpt-oss-20b when provider fit ... Choose Qwen3.5-4B when ...", then how to confirm it. */
    static String choosing(Side a, List<Tradeoffs.Bullet> favouringA, Side b, List<Tradeoffs.Bullet> favouringB) {
        return choose(a, favouringA) + choose(b, favouringB) + FOR_PRODUCTION;
    }

    private static String choose(Side side, List<Tradeoffs.Bullet> favouring) {
        String choice = favouring.isEmpty() ? null : favouring.get(0).choice();
        return choice == null ? "" : "Choose " + side.name() + " when " + choice + ". ";
    }

    private static String inputPrice(RouteSnapshot route) {
        return Formats.pricePerM(route.terms().inputPricePerMTok()) + " input tokens";
    }

    private static boolean samePrice(RouteSnapshot first, RouteSnapshot second) {
        return inputPrice(first).equals(inputPrice(second));
    }

    /** "Provider availability is 9 tracked routes versus 0.", or "Both have 1 tracked route." when equal. */
    private static String availability(Side first, Side second) {
        int tracked = PriceList.of(first).tracked();
        if (tracked == PriceList.of(second).tracked()) {
            return " Both have " + Texts.count(tracked, "tracked route", "tracked routes") + ".";
        }
        return " Provider availability is " + Texts.count(PriceList.of(first).tracked(), "tracked route", "tracked routes")
                + " versus " + PriceList.of(second).tracked() + ".";
    }

    private static String unknownPricing() {
        return " Treat unknown pricing as an integration gap, then" + CHECK_THE_ROUTE;
    }
}
