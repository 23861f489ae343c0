package org.llmreference.pricing.routes;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmreference.pricing.routes.PriceLists.Write;
import org.springframework.stereotype.Service;

/**
 * Records routes' past, read from upstream's history, into their price lists ({@link PriceList#recordHistory}):
 * one read and one guarded write per model, and at most one event per model however many steps it got.
 */
@Service
public class RouteHistory {

    private static final int ATTEMPTS = 3;

    private final PriceLists priceLists;
    private final PriceListWrites writes;
    private final Clock clock;

    RouteHistory(PriceLists priceLists, PriceListWrites writes, Clock clock) {
        this.priceLists = priceLists;
        this.writes = writes;
        this.clock = clock;
    }

    /** What recording one model's steps did. */
    public enum Outcome {
        /** No price list exists for the model: nothing was recorded. */
        NO_PRICE_LIST,
        /** The price list kept changing while recorded: nothing was recorded. */
        CONCURRENT_CHANGE,
        /** Recorded (possibly nothing new). */
        RECORDED
    }

    /** @param added how many steps were new; the others were already recorded */
    public record Recorded(Outcome outcome, int added, boolean republished) {
    }

    public Map<String, Recorded> record(Map<String, List<PastStep>> stepsByModel) {
        Map<String, Recorded> outcomes = new LinkedHashMap<>();
        stepsByModel.forEach((modelId, steps) -> outcomes.put(modelId, record(modelId, steps)));
        return outcomes;
    }

    private Recorded record(String modelId, List<PastStep> steps) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<PriceList> current = priceLists.find(modelId);
            if (current.isEmpty()) {
                return new Recorded(Outcome.NO_PRICE_LIST, 0, false);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            PriceListChange change = current.get().recordHistory(steps);
            if (writes.store(change, now) == Write.STORED) {
                return new Recorded(Outcome.RECORDED, change.entries().size(), change.publishes());
            }
        }
        return new Recorded(Outcome.CONCURRENT_CHANGE, 0, false);
    }
}
