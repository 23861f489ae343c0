package org.llmreference.comparison;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.demo.DemoCatalog;

/** The built-in demo catalog as the events catalog-service and pricing-service publish for it. */
final class DemoCatalogEvents {

    static final CatalogBundle DEMO = DemoCatalog.load();

    private DemoCatalogEvents() {
    }

    static List<Envelope<ModelChanged>> models() {
        List<Envelope<ModelChanged>> events = new ArrayList<>();
        for (ModelSnapshot model : DEMO.models()) {
            events.add(Envelope.startingChain(new ModelChanged(model, List.of()), model.id(), 1, Instant.now()));
        }
        return events;
    }

    /** Each model's whole price list, as pricing-service publishes it. */
    static Map<String, List<RouteSnapshot>> priceLists() {
        return DEMO.priceLists();
    }

    static Envelope<RouteChanged> priceList(String modelId, List<RouteSnapshot> routes, long revision) {
        return Envelope.startingChain(new RouteChanged(modelId, routes.get(0).providerId(), routes, List.of()), modelId,
                revision, Instant.now());
    }
}
