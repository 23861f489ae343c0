package org.llmreference.comparison.sources;

import java.util.List;
import java.util.function.Consumer;

import org.llmreference.comparison.comparisons.Cause;
import org.llmreference.comparison.comparisons.SourceChangeQueue;
import org.llmreference.comparison.recompute.ComparisonSet.SourceChange;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.Topics;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteWithdrawn;
import org.llmreference.platform.messaging.EventConsumption;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Input bindings {@code applyModelChange-in-0} and {@code applyRouteChange-in-0}: each event
 * updates the projection (skipped by revision when stale), then hands the model's current state to
 * the planner of the {@link SourceChangeQueue}, which recomputes its comparisons together with whatever else is waiting.
 * A stale event is handed on too: if an earlier delivery stored the projection but the comparisons
 * were never stored, the redelivery finishes the work; when nothing is missing, the content hashes
 * match and nothing is published.
 */
@Configuration(proxyBeanMethods = false)
class SourceListeners {

    @Bean
    Consumer<Message<byte[]>> applyModelChange(EventConsumption consumption, SourceProjections projections,
            SourceChangeQueue queue) {
        return consumption.of(Topics.CATALOG_MODELS, CatalogEvent.class, event -> {
            ModelSnapshot model = event.payload().model();
            requireAbout(event, model.id());
            Outcome outcome = projections.apply(event);
            ModelSnapshot current = outcome == Outcome.APPLIED ? model
                    : projections.model(model.id()).map(StoredModel::model).orElse(model);
            queue.submit(new SourceChange.Model(current), Cause.of(event));
            return outcome;
        });
    }

    @Bean
    Consumer<Message<byte[]>> applyRouteChange(EventConsumption consumption, SourceProjections projections,
            SourceChangeQueue queue) {
        return consumption.of(Topics.PRICING_ROUTES, PricingEvent.class, event -> {
            String modelId = event.payload().match(RouteChanged::modelId, RouteWithdrawn::modelId);
            requireAbout(event, modelId);
            Outcome outcome = projections.applyPrices(event);
            List<RouteSnapshot> current = outcome == Outcome.APPLIED ? event.payload().routes()
                    : projections.priceList(modelId).map(StoredPriceList::routes).orElse(event.payload().routes());
            queue.submit(new SourceChange.Prices(modelId, current), Cause.of(event));
            return outcome;
        });
    }

    /** An event keyed by one aggregate but about another breaks the contract: it is retried, then dead-lettered. */
    private static void requireAbout(Envelope<?> event, String id) {
        if (!event.aggregateId().equals(id)) {
            throw new IllegalArgumentException(event.type() + " " + event.eventId() + " has aggregateId "
                    + event.aggregateId() + " but is about " + id);
        }
    }
}
