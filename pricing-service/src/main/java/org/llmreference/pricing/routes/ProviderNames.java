package org.llmreference.pricing.routes;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.pricing.providers.ProvidersNamed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the provider names shown on routes current: when providers are (re)named, every price list
 * that shows another name for one of their routes gets one new revision and one {@code RouteChanged}
 * event, however many of its providers were renamed.
 */
@Component
class ProviderNames {

    private static final Logger log = LoggerFactory.getLogger(ProviderNames.class);

    private final PriceLists priceLists;
    private final OutboxRelay relay;
    private final Clock clock;

    ProviderNames(PriceLists priceLists, OutboxRelay relay, Clock clock) {
        this.priceLists = priceLists;
        this.relay = relay;
        this.clock = clock;
    }

    @EventListener
    void onProvidersNamed(ProvidersNamed named) {
        int renamed = 0;
        for (PriceList found : priceLists.showingOtherNamesFor(named.namesById())) {
            Optional<PriceList> priceList = Optional.of(found);
            for (int attempt = 0; attempt < 3 && priceList.isPresent(); attempt++) {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                PriceListChange change = priceList.get().renameProviders(named.namesById(), now, named.causedBy());
                if (priceLists.store(change)) {
                    if (change.publishes()) {
                        relay.wake(found.modelId());
                        renamed++;
                    }
                    break;
                }
                priceList = priceLists.find(found.modelId());
            }
        }
        if (renamed > 0) {
            log.info("{} price list(s) now show the current name of {}", renamed, named.namesById().size() == 1
                    ? named.namesById().keySet().iterator().next() + ": '" + named.namesById().values().iterator().next() + "'"
                    : named.namesById().size() + " providers");
        }
    }
}
