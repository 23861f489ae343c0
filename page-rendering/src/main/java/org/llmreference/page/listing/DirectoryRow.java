package org.llmreference.page.listing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.catalog.Capabilities;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;

/**
 * One model as the directory lists it: its facts and the cheapest input and output price among its
 * active routes (each the lowest on its own, possibly from two providers). Unknown values are null.
 *
 * @param lastRepricedAt when one of its active routes last changed price (the latest dated step of a
 *                       route's history, else its {@code effectiveFrom}); null when none says
 */
public record DirectoryRow(
        String id,
        String name,
        String vendor,
        Integer contextWindow,
        BigDecimal cheapestInput,
        BigDecimal cheapestOutput,
        Capabilities capabilities,
        Boolean openWeights,
        LocalDate releaseDate,
        ModelStatus status,
        Instant lastRepricedAt) {

    public DirectoryRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(status, "status");
    }

    /** The row of {@code model} priced by {@code routes} (its price list, any status). */
    public static DirectoryRow of(ModelSnapshot model, List<RouteSnapshot> routes) {
        List<RouteSnapshot> active = routes.stream().filter(route -> route.terms().status() == RouteStatus.ACTIVE)
                .toList();
        BigDecimal input = active.stream().map(route -> route.terms().inputPricePerMTok()).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        BigDecimal output = active.stream().map(route -> route.terms().outputPricePerMTok()).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Instant repriced = active.stream().map(DirectoryRow::lastPriceChange).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new DirectoryRow(model.id(), model.name(), model.vendor(), model.contextWindow(), input, output,
                model.capabilities(), model.openWeights(), model.releaseDate(), model.status(), repriced);
    }

    /**
     * When the route's prices last changed: the last step of its history whose prices differ from the
     * step before (a first recorded price counts), else its {@code effectiveFrom}.
     */
    static Instant lastPriceChange(RouteSnapshot route) {
        List<PriceStep> history = route.history();
        for (int i = history.size() - 1; i > 0; i--) {
            if (!history.get(i).samePrices(history.get(i - 1))) {
                return history.get(i).effectiveFrom();
            }
        }
        return history.isEmpty() ? route.effectiveFrom() : history.get(0).effectiveFrom();
    }
}
