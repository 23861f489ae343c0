package org.llmreference.page.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.contracts.comparison.MonthlyCost;
import org.llmreference.contracts.comparison.TrafficProfile;
import org.llmreference.contracts.comparison.Verdict;

class WhatChangedTest {

    static final LocalDate ON = LocalDate.parse("2026-12-04");
    static final ModelSummary A = new ModelSummary("a", "Model A", "Vendor", 2025, 131_072, ModelStatus.ACTIVE);
    static final ModelSummary B = new ModelSummary("b", "Model B", "Vendor", 2025, 131_072, ModelStatus.ACTIVE);

    static ModelCost cost(String id, String monthly, String inRoute, String in, String outRoute, String out) {
        return new ModelCost(id, new BigDecimal(monthly), inRoute, outRoute, new BigDecimal(in), new BigDecimal(out), null);
    }

    static Comparison page(ModelCost a, ModelCost b, String safer) {
        TrafficProfile profile = new TrafficProfile("default", 1_000_000, 800, 250, null, null, false);
        Verdict verdict = new Verdict(safer, safer.equals("a") ? "b" : "a", null, "sentence", List.of(), null, null);
        return new Comparison("a-vs-b", A, B, "Model A vs Model B", null, verdict, null, null,
                new MonthlyCost(profile, List.of(a, b), null, null, null), null, null, null, null, null, null, null, null,
                null, null);
    }

    static final ModelCost B_COST = cost("b", "10.00", "Groq", "0.01", "Groq", "0.02");

    @Test
    void aPriceCutSaysTheRouteTheOldAndNewPriceAndTheMonthlyCost() {
        Comparison before = page(cost("a", "59.00", "OpenRouter", "0.03", "OpenRouter", "0.14"), B_COST, "a");
        Comparison after = page(cost("a", "54.00", "OpenRouter", "0.03", "OpenRouter", "0.12"), B_COST, "a");

        assertThat(WhatChanged.between(before, after, ON)).isEqualTo(
                "Model A: OpenRouter output $0.14 → $0.12 per 1M tokens, monthly cost $59.00 → $54.00 on 2026-12-04;"
                        + " verdict unchanged");
    }

    @Test
    void aPriceRiseThatChangesTheVerdictSaysSo() {
        Comparison before = page(cost("a", "9.00", "OpenRouter", "0.03", "OpenRouter", "0.14"), B_COST, "a");
        Comparison after = page(cost("a", "1009.50", "OpenRouter", "1.5", "OpenRouter", "0.14"), B_COST, "b");

        assertThat(WhatChanged.between(before, after, ON)).isEqualTo(
                "Model A: OpenRouter input $0.03 → $1.50 per 1M tokens, monthly cost $9.00 → $1,009.50 on 2026-12-04;"
                        + " verdict changed: Model B is now the safer pick");
    }

    @Test
    void aSwitchOfCheapestRouteNamesBothRoutes() {
        Comparison before = page(cost("a", "59.00", "OpenRouter", "0.03", "OpenRouter", "0.14"), B_COST, "a");
        Comparison after = page(cost("a", "50.00", "OpenRouter", "0.03", "Fireworks AI", "0.1"), B_COST, "a");

        assertThat(WhatChanged.between(before, after, ON)).isEqualTo(
                "Model A: cheapest output now Fireworks AI ($0.10 per 1M tokens, was OpenRouter at $0.14),"
                        + " monthly cost $59.00 → $50.00 on 2026-12-04; verdict unchanged");
    }

    @Test
    void changesOnBothSidesAreEachSaid() {
        Comparison before = page(cost("a", "59.00", "OpenRouter", "0.03", "OpenRouter", "0.14"), B_COST, "a");
        Comparison after = page(cost("a", "54.00", "OpenRouter", "0.03", "OpenRouter", "0.12"),
                cost("b", "12.00", "Groq", "0.0125", "Groq", "0.02"), "a");

        assertThat(WhatChanged.between(before, after, ON)).isEqualTo(
                "Model A: OpenRouter output $0.14 → $0.12 per 1M tokens, monthly cost $59.00 → $54.00;"
                        + " Model B: Groq input $0.01 → $0.0125 per 1M tokens, monthly cost $10.00 → $12.00 on 2026-12-04;"
                        + " verdict unchanged");
    }

    @Test
    void nothingIsSaidWhenNeitherPricesNorVerdictMoved() {
        Comparison page = page(cost("a", "59.00", "OpenRouter", "0.03", "OpenRouter", "0.14"), B_COST, "a");

        assertThat(WhatChanged.between(page, page, ON)).isEmpty();
    }
}
