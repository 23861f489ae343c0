package org.llmreference.comparison.engine;

import java.util.ArrayList;
import java.util.List;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.comparison.Faq;

/** "FAQ": the questions people search for, answered from the same facts as the tables. */
final class Faqs {

    /** How many differing capabilities get a question of their own. */
    static final int CAPABILITY_QUESTIONS = 3;
    /** How many providers "Where can I run" names per model. */
    static final int PROVIDERS_NAMED = 5;

    private static final String CONFIRM_LIMITS = "Use this as a quick comparison signal, then confirm the provider-specific"
            + " limits before committing to production.";

    private Faqs() {
    }

    static List<Faq> of(Side a, Side b) {
        List<Faq> faq = new ArrayList<>();
        faq.add(new Faq("Which has a larger context window, " + a.name() + " or " + b.name() + "?",
                contextWindow(a.model(), b.model())));
        faq.add(new Faq("Is " + a.name() + " or " + b.name() + " open source?", license(a.model(), b.model())));
        List<Capability> differing = Capability.differing(a.model(), b.model());
        for (int i = 0; i < Math.min(CAPABILITY_QUESTIONS, differing.size()); i++) {
            Capability capability = differing.get(i);
            String answer = capability(capability, a.model(), b.model());
            faq.add(new Faq("Which is better for " + capability.prose + ", " + a.name() + " or " + b.name() + "?",
                    i == 0 ? answer + " " + CONFIRM_LIMITS : answer));
        }
        faq.add(new Faq("Where can I run " + a.name() + " and " + b.name() + "?",
                whereToRun(a) + " " + whereToRun(b) + " Provider coverage can affect latency, region availability,"
                        + " compliance posture, and fallback options."));
        return faq;
    }

    static String contextWindow(ModelSnapshot a, ModelSnapshot b) {
        Integer tokensA = Models.contextWindow(a);
        Integer tokensB = Models.contextWindow(b);
        if (tokensA == null && tokensB == null) {
            return "Neither " + a.name() + " nor " + b.name() + " has a sourced context window yet. Check the provider"
                    + " documentation for the limits of the endpoint you plan to call before committing to production.";
        }
        if (tokensA == null || tokensB == null) {
            ModelSnapshot known = tokensA == null ? b : a;
            ModelSnapshot unknown = tokensA == null ? a : b;
            return known.name() + " supports " + Formats.tokens(Models.contextWindow(known)) + " tokens, while "
                    + unknown.name() + "'s context window is not sourced yet. " + CONFIRM_LIMITS;
        }
        if (Formats.tokens(tokensA).equals(Formats.tokens(tokensB))) {
            return a.name() + " and " + b.name() + " both support " + Formats.tokens(tokensA) + " tokens, so context size"
                    + " does not separate them; long documents, large codebases, and retrieval-heavy agents fit either"
                    + " equally. " + CONFIRM_LIMITS;
        }
        ModelSnapshot larger = tokensA > tokensB ? a : b;
        ModelSnapshot smaller = tokensA > tokensB ? b : a;
        return larger.name() + " supports " + Formats.tokens(Models.contextWindow(larger)) + " tokens, while "
                + smaller.name() + " supports " + Formats.tokens(Models.contextWindow(smaller)) + " tokens. That gap"
                + " matters most for long documents, large codebases, retrieval-heavy agents, and conversations where"
                + " earlier context must remain visible. " + CONFIRM_LIMITS;
    }

    static String license(ModelSnapshot a, ModelSnapshot b) {
        String labelA = Licenses.label(a);
        String both = labelA != null && labelA.equals(Licenses.label(b))
                ? "Both " + a.name() + " and " + b.name() + " are listed under " + labelA + "."
                : licensedUnder(a) + " " + licensedUnder(b);
        return both + " License labels affect whether you can self-host,"
                + " redistribute weights, or rely only on hosted APIs, so confirm the upstream license before deployment.";
    }

    private static String licensedUnder(ModelSnapshot model) {
        String label = Licenses.label(model);
        return label == null ? model.name() + " has no license sourced yet." : model.name() + " is listed under " + label + ".";
    }

    private static String capability(Capability capability, ModelSnapshot a, ModelSnapshot b) {
        ModelSnapshot holder = capability.exposedBy(a) ? a : b;
        return holder.name() + " has the clearer documented " + capability.prose + " signal in this comparison. If "
                + capability.prose + " is mission-critical, validate it against the provider endpoint because"
                + " model-level support and API-level exposure can differ.";
    }

    private static String whereToRun(Side side) {
        List<String> names = PriceList.of(side).providerNames();
        if (names.isEmpty()) {
            return side.name() + " is available on the tracked providers still being sourced.";
        }
        return side.name() + " is available on " + Texts.list(names.subList(0, Math.min(PROVIDERS_NAMED, names.size()))) + ".";
    }
}
