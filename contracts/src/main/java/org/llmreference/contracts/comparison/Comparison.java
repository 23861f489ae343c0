package org.llmreference.contracts.comparison;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.catalog.SourceRef;
import org.llmreference.contracts.pricing.PriceStep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The computed content of one comparison page, section by section, in page order. Every text here
 * is derived from catalog and price data; the page escapes it and lays it out.
 *
 * @param modelA the model whose id sorts first
 * @param modelA   the model whose id sorts first
 * @param modelB   the other model
 * @param routesA  every route of model A, priced at the page's workload, cheapest first
 * @param routesB  every route of model B, likewise
 * @param historyA the dated prices of model A's cheapest route (the one pricing its output tokens at
 *                 the page's workload), oldest first; empty, and left out of the JSON, when unknown
 * @param historyB the same for model B
 */
public record Comparison(
        @JsonProperty(required = true) String pairId,
        @JsonProperty(required = true) ModelSummary modelA,
        @JsonProperty(required = true) ModelSummary modelB,
        @JsonProperty(required = true) String title,
        String intro,
        Verdict verdict,
        List<FactRow> scorecard,
        List<Tradeoff> tradeoffs,
        MonthlyCost monthlyCost,
        List<SwitchFriction> switchFriction,
        FactTable specs,
        FactTable pricing,
        FactTable capabilities,
        FactTable benchmarks,
        List<String> deepDive,
        List<Faq> faq,
        List<RelatedPair> related,
        LocalDate lastReviewed,
        List<SourceRef> sources,
        List<RouteCost> routesA,
        List<RouteCost> routesB,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PriceStep> historyA,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PriceStep> historyB) {

    /** A comparison without its route tables and price histories. */
    public Comparison(String pairId, ModelSummary modelA, ModelSummary modelB, String title, String intro,
            Verdict verdict, List<FactRow> scorecard, List<Tradeoff> tradeoffs, MonthlyCost monthlyCost,
            List<SwitchFriction> switchFriction, FactTable specs, FactTable pricing, FactTable capabilities,
            FactTable benchmarks, List<String> deepDive, List<Faq> faq, List<RelatedPair> related,
            LocalDate lastReviewed, List<SourceRef> sources) {
        this(pairId, modelA, modelB, title, intro, verdict, scorecard, tradeoffs, monthlyCost, switchFriction, specs,
                pricing, capabilities, benchmarks, deepDive, faq, related, lastReviewed, sources, null, null);
    }

    /** A comparison with its route tables, without price histories. */
    public Comparison(String pairId, ModelSummary modelA, ModelSummary modelB, String title, String intro,
            Verdict verdict, List<FactRow> scorecard, List<Tradeoff> tradeoffs, MonthlyCost monthlyCost,
            List<SwitchFriction> switchFriction, FactTable specs, FactTable pricing, FactTable capabilities,
            FactTable benchmarks, List<String> deepDive, List<Faq> faq, List<RelatedPair> related,
            LocalDate lastReviewed, List<SourceRef> sources, List<RouteCost> routesA, List<RouteCost> routesB) {
        this(pairId, modelA, modelB, title, intro, verdict, scorecard, tradeoffs, monthlyCost, switchFriction, specs,
                pricing, capabilities, benchmarks, deepDive, faq, related, lastReviewed, sources, routesA, routesB,
                null, null);
    }

    public Comparison {
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(modelA, "modelA");
        Objects.requireNonNull(modelB, "modelB");
        Objects.requireNonNull(title, "title");
        scorecard = copy(scorecard);
        tradeoffs = copy(tradeoffs);
        switchFriction = copy(switchFriction);
        deepDive = copy(deepDive);
        faq = copy(faq);
        related = copy(related);
        sources = copy(sources);
        routesA = copy(routesA);
        routesB = copy(routesB);
        historyA = copy(historyA);
        historyB = copy(historyB);
    }

    /** The same comparison with its monthly cost and route tables at another workload. */
    public Comparison atWorkload(MonthlyCost cost, List<RouteCost> routesOfA, List<RouteCost> routesOfB) {
        return new Comparison(pairId, modelA, modelB, title, intro, verdict, scorecard, tradeoffs, cost, switchFriction,
                specs, pricing, capabilities, benchmarks, deepDive, faq, related, lastReviewed, sources, routesOfA,
                routesOfB, historyA, historyB);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
