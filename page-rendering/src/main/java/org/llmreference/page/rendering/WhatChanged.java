package org.llmreference.page.rendering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ModelCost;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.contracts.comparison.MonthlyCost;
import org.llmreference.contracts.comparison.Verdict;

/**
 * "What changed" between two revisions of a comparison, in words that say what moved rather than
 * which section: per side, the cheapest route's input and output price before and after (or the
 * switch to another route), then its monthly cost, then whether the verdict changed, e.g.
 * {@code "gpt-oss-20b: OpenRouter output $0.14 → $0.12 per 1M tokens, monthly cost $59.00 → $54.00
 * on 2026-12-04; verdict unchanged"}. Plain text: the page and the feed escape it.
 */
public final class WhatChanged {

    /**
     * What a revision of a comparison leaves for the next one to be compared with: each model's
     * monthly cost line (cheapest routes and their prices) and the safer pick. A few hundred bytes, so
     * page-service keeps one per page in memory instead of reading the previous comparison back.
     */
    public record Basis(List<ModelCost> costs, String saferModelId) {

        public Basis {
            costs = costs == null ? List.of() : List.copyOf(costs);
        }

        public static Basis of(Comparison comparison) {
            MonthlyCost monthlyCost = comparison.monthlyCost();
            return new Basis(monthlyCost == null ? List.of() : monthlyCost.models(),
                    comparison.verdict() == null ? null : comparison.verdict().saferModelId());
        }

        ModelCost cost(String modelId) {
            return costs.stream().filter(m -> m.modelId().equals(modelId)).findFirst().orElse(null);
        }
    }

    private WhatChanged() {
    }

    /**
     * The sentence for the change from {@code before} to {@code after} on {@code on}, or empty when
     * neither side's prices nor the verdict moved (the caller then names the changed sections).
     */
    public static String between(Comparison before, Comparison after, LocalDate on) {
        Objects.requireNonNull(before, "before");
        return between(Basis.of(before), after, on);
    }

    /** As {@link #between(Comparison, Comparison, LocalDate)}, from what the earlier revision left. */
    public static String between(Basis before, Comparison after, LocalDate on) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<String> sides = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ModelSummary model = i == 0 ? after.modelA() : after.modelB();
            String side = side(model.name(), before.cost(model.id()), cost(after.monthlyCost(), model.id()));
            if (side != null) {
                sides.add(side);
            }
        }
        String verdict = verdict(before, after);
        if (sides.isEmpty() && verdict.equals(UNCHANGED)) {
            return "";
        }
        String prices = sides.isEmpty() ? "" : String.join("; ", sides) + (on == null ? "" : " on " + on) + "; ";
        return prices + verdict;
    }

    static final String UNCHANGED = "verdict unchanged";

    private static String side(String name, ModelCost before, ModelCost after) {
        if (before == null || after == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.addAll(route("input", before.inputRoute(), before.inputPricePerMTok(), after.inputRoute(),
                after.inputPricePerMTok()));
        parts.addAll(route("output", before.outputRoute(), before.outputPricePerMTok(), after.outputRoute(),
                after.outputPricePerMTok()));
        if (!same(before.monthlyUsd(), after.monthlyUsd())) {
            parts.add("monthly cost " + money(before.monthlyUsd()) + " → " + money(after.monthlyUsd()));
        }
        return parts.isEmpty() ? null : name + ": " + String.join(", ", parts);
    }

    private static List<String> route(String kind, String routeBefore, BigDecimal before, String routeAfter,
            BigDecimal after) {
        if (Objects.equals(routeBefore, routeAfter)) {
            return same(before, after) || routeAfter == null ? List.of()
                    : List.of(routeAfter + " " + kind + " " + perMTok(before) + " → " + perMTok(after) + " per 1M tokens");
        }
        if (routeBefore == null || routeAfter == null) {
            return List.of(); // a price appearing or going is said by the monthly cost
        }
        return List.of("cheapest " + kind + " now " + routeAfter + " (" + perMTok(after) + " per 1M tokens, was "
                + routeBefore + " at " + perMTok(before) + ")");
    }

    private static String verdict(Basis before, Comparison after) {
        String was = before.saferModelId();
        Verdict is = after.verdict();
        if (was == null || is == null || was.equals(is.saferModelId())) {
            return UNCHANGED;
        }
        String safer = is.saferModelId().equals(after.modelA().id()) ? after.modelA().name() : after.modelB().name();
        return "verdict changed: " + safer + " is now the safer pick";
    }

    private static ModelCost cost(MonthlyCost monthlyCost, String modelId) {
        if (monthlyCost == null) {
            return null;
        }
        return monthlyCost.models().stream().filter(m -> m.modelId().equals(modelId)).findFirst().orElse(null);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** A per-1M price: at least cents, all its digits ({@code $0.14}, {@code $0.075}, {@code $2.00}). */
    static String perMTok(BigDecimal price) {
        if (price == null) {
            return "none";
        }
        BigDecimal plain = price.stripTrailingZeros();
        return "$" + plain.setScale(Math.max(2, plain.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A monthly cost in dollars and cents with thousands separators ({@code $1,234.50}). */
    static String money(BigDecimal usd) {
        if (usd == null) {
            return "unavailable";
        }
        return "$" + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(usd.setScale(2, RoundingMode.HALF_UP));
    }
}
