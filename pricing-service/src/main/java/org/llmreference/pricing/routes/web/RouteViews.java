package org.llmreference.pricing.routes.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.llmreference.contracts.pricing.ContextTier;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteStatus;
import org.llmreference.pricing.routes.HistoryEntry;
import org.llmreference.pricing.routes.PriceList;
import org.llmreference.pricing.routes.ProviderRoute;
import org.llmreference.pricing.routes.Route;
import org.llmreference.pricing.routes.ScheduledChange;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON the routes API answers with; absent values are left out (unknown, never 0). */
final class RouteViews {

    private RouteViews() {
    }

    /** One route in force, with the price list revision it belongs to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RouteView(String modelId, String providerId, String providerName, BigDecimal inputPricePerMTok,
            BigDecimal outputPricePerMTok, BigDecimal cachedInputPricePerMTok, BigDecimal cacheWritePricePerMTok,
            BigDecimal batchInputPricePerMTok, BigDecimal batchOutputPricePerMTok, List<ContextTier> contextTiers,
            Integer contextWindow, String region, RouteStatus status, String sourceUrl, LocalDate verifiedAt,
            Instant effectiveFrom, long revision) {

        static RouteView of(String modelId, ProviderRoute route, long revision) {
            RouteSnapshot s = route.toSnapshot();
            return new RouteView(modelId, s.providerId(), s.providerName(), s.inputPricePerMTok(),
                    s.outputPricePerMTok(), s.cachedInputPricePerMTok(), s.cacheWritePricePerMTok(),
                    s.batchInputPricePerMTok(), s.batchOutputPricePerMTok(), s.contextTiers(), s.contextWindow(),
                    s.region(), s.status(), s.sourceUrl(), s.verifiedAt(), s.effectiveFrom(), revision);
        }
    }

    /** A route's values, as in history entries and scheduled changes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RouteValues(BigDecimal inputPricePerMTok, BigDecimal outputPricePerMTok, BigDecimal cachedInputPricePerMTok,
            BigDecimal cacheWritePricePerMTok, BigDecimal batchInputPricePerMTok, BigDecimal batchOutputPricePerMTok,
            List<ContextTier> contextTiers, Integer contextWindow, String region, RouteStatus status, String sourceUrl,
            LocalDate verifiedAt) {

        static RouteValues of(Route route) {
            if (route == null) {
                return null;
            }
            RouteSnapshot s = route.toSnapshot("-", "-", null);
            return new RouteValues(s.inputPricePerMTok(), s.outputPricePerMTok(), s.cachedInputPricePerMTok(),
                    s.cacheWritePricePerMTok(), s.batchInputPricePerMTok(), s.batchOutputPricePerMTok(),
                    s.contextTiers(), s.contextWindow(), s.region(), s.status(), s.sourceUrl(), s.verifiedAt());
        }
    }

    /** A change waiting for its time. {@code revision} is the price list's, which scheduling does not move. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScheduledView(UUID scheduledChangeId, String modelId, String providerId, Instant effectiveFrom,
            Instant requestedAt, String sourceUrl, RouteValues route, Long revision) {

        static ScheduledView of(String modelId, ScheduledChange change, Long revision) {
            return new ScheduledView(change.id(), modelId, change.providerId(), change.effectiveFrom(),
                    change.requestedAt(), change.sourceUrl(), RouteValues.of(change.route()), revision);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PriceListView(String modelId, long revision, List<RouteSnapshot> routes, List<ScheduledView> scheduled) {

        static PriceListView of(PriceList priceList) {
            return new PriceListView(priceList.modelId(), priceList.revision(), priceList.snapshots(),
                    allScheduled(priceList));
        }

        private static List<ScheduledView> allScheduled(PriceList priceList) {
            return priceList.scheduled().stream()
                    .sorted(java.util.Comparator.comparing(ScheduledChange::effectiveFrom)
                            .thenComparing(ScheduledChange::providerId))
                    .map(s -> ScheduledView.of(priceList.modelId(), s, null)).toList();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HistoryView(Instant at, String kind, RouteValues route, List<String> changedFields, String sourceUrl,
            Instant effectiveFrom, UUID scheduledChangeId, Long revision, String reason) {

        static HistoryView of(HistoryEntry entry) {
            return new HistoryView(entry.at(), entry.kind().wireName(), RouteValues.of(entry.route()),
                    entry.changedFields(), entry.sourceUrl(), entry.effectiveFrom(), entry.scheduledChangeId(),
                    entry.revision(), entry.reason());
        }
    }
}
