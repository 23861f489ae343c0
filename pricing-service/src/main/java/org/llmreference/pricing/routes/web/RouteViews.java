package org.llmreference.pricing.routes.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.pricing.routes.HistoryEntry;
import org.llmreference.pricing.routes.PriceList;
import org.llmreference.pricing.routes.Provenance;
import org.llmreference.pricing.routes.ProviderRoute;
import org.llmreference.pricing.routes.Route;
import org.llmreference.pricing.routes.ScheduledChange;
import org.llmreference.platform.security.Caller;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The JSON the routes API answers with; absent values are left out (unknown, never 0). */
final class RouteViews {

    private RouteViews() {
    }

    /** One route in force, with the price list revision it belongs to; its terms written flat, next to the ids. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "modelId", "providerId", "providerName" })
    record RouteView(String modelId, String providerId, String providerName, @JsonIgnore Route route,
            Instant effectiveFrom, long revision) {

        static RouteView of(String modelId, ProviderRoute route, long revision) {
            return new RouteView(modelId, route.providerId(), route.providerName(), route.route(),
                    route.effectiveFrom(), revision);
        }

        @JsonAnyGetter
        Map<String, Object> termsGiven() {
            return route.given();
        }
    }

    /** A route's terms, as in history entries and scheduled changes: the ones given, each by its name. */
    private static Map<String, Object> given(Route route) {
        return route == null ? null : route.given();
    }

    /** A change waiting for its time. {@code revision} is the price list's, which scheduling does not move. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScheduledView(UUID scheduledChangeId, String modelId, String providerId, Instant effectiveFrom,
            Instant requestedAt, String sourceUrl, Map<String, Object> route, Long revision, String requestedBy,
            String reason) {

        static ScheduledView of(String modelId, ScheduledChange change, Long revision) {
            boolean withAuthors = Caller.mayReadAuthors();
            return new ScheduledView(change.id(), modelId, change.providerId(), change.effectiveFrom(),
                    change.requestedAt(), change.sourceUrl(), given(change.route()), revision,
                    withAuthors ? change.requestedBy() : null, withAuthors ? change.reason() : null);
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
    record HistoryView(Instant at, String kind, Map<String, Object> route, List<String> changedFields, String sourceUrl,
            Instant effectiveFrom, UUID scheduledChangeId, Long revision, String reason, ProvenanceView provenance,
            String author) {

        static HistoryView of(HistoryEntry entry) {
            boolean withAuthors = Caller.mayReadAuthors();
            return new HistoryView(entry.at(), entry.kind().wireName(), given(entry.route()),
                    entry.changedFields(), entry.sourceUrl(), entry.effectiveFrom(), entry.scheduledChangeId(),
                    entry.revision(), withAuthors ? entry.reason() : null, ProvenanceView.of(entry.provenance()),
                    withAuthors ? entry.author() : null);
        }
    }

    /** Where a history entry's values came from; absent parts left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProvenanceView(String origin, String commit, String path, String url, Instant fetchedAt) {

        static ProvenanceView of(Provenance provenance) {
            return provenance == null ? null : new ProvenanceView(provenance.origin(), provenance.commit(),
                    provenance.path(), provenance.url(), provenance.fetchedAt());
        }
    }
}
