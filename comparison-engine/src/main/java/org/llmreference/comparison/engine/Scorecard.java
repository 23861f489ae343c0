package org.llmreference.comparison.engine;

import java.util.ArrayList;
import java.util.List;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.comparison.Fact;
import org.llmreference.contracts.comparison.FactRow;

/**
 * "Decision scorecard": six signals a reader can compare at a glance, one cell per model. A signal
 * known for neither model (real catalogs carry no decision tags) is left out rather than shown as
 * "- -".
 */
final class Scorecard {

    /** From this many tracked routes on, a model is fit for provider-routed production. */
    static final int ROUTED_PRODUCTION_ROUTES = 3;

    private Scorecard() {
    }

    static List<FactRow> rows(Side a, Side b, SharedBenchmarks benchmarks) {
        Fact sharedRows = Facts.derived(Texts.count(benchmarks.count(), "row", "rows"));
        return Tables.known(List.of(
                new FactRow("Best for", bestFor(a), bestFor(b)),
                new FactRow("Decision fit", decisionFit(a.model()), decisionFit(b.model())),
                new FactRow("Context window", Tables.contextWindow(a.model()), Tables.contextWindow(b.model())),
                new FactRow("Cheapest output", Tables.cheapestOutput(a), Tables.cheapestOutput(b)),
                new FactRow("Provider routes", providerRoutes(a), providerRoutes(b)),
                new FactRow("Shared benchmarks", sharedRows, sharedRows)));
    }

    /** "tool-calling agents and provider-routed production": what the model's data says it suits. */
    static Fact bestFor(Side side) {
        ModelSnapshot model = side.model();
        List<String> uses = new ArrayList<>();
        if (Capability.FUNCTION_CALLING.exposedBy(model) || Capability.TOOL_USE.exposedBy(model)) {
            uses.add("tool-calling agents");
        }
        if (Capability.VISION.exposedBy(model) || Capability.MULTIMODAL.exposedBy(model)) {
            uses.add("multimodal apps");
        }
        if (Capability.REASONING.exposedBy(model)) {
            uses.add("multi-step reasoning");
        }
        if (Capability.CODE_EXECUTION.exposedBy(model) || Capability.IDE_INTEGRATION.exposedBy(model)) {
            uses.add("coding workflows");
        }
        if (Capability.COMPUTER_USE.exposedBy(model)) {
            uses.add("computer-use automation");
        }
        if (Capability.PARALLEL_AGENTS.exposedBy(model)) {
            uses.add("parallel agent runs");
        }
        if (PriceList.of(side).tracked() >= ROUTED_PRODUCTION_ROUTES) {
            uses.add("provider-routed production");
        }
        return Facts.fromModel(model, uses.isEmpty() ? "general text workloads" : Texts.list(uses));
    }

    private static Fact decisionFit(ModelSnapshot model) {
        List<String> tags = Models.decisionTags(model);
        return Facts.fromModel(model, tags.isEmpty() ? null : Texts.list(tags));
    }

    private static Fact providerRoutes(Side side) {
        return Facts.derived(PriceList.of(side).tracked() + " tracked");
    }
}
