package org.llmreference.pricing.routes;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.llmreference.platform.storage.LostRaces;
import org.llmreference.pricing.providers.ProvidersNamed;
import org.llmreference.pricing.routes.PriceLists.Write;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the provider names shown on routes current: when providers are (re)named, every price list
 * that shows another name for one of their routes gets one new revision and one {@code RouteChanged}
 * event (continuing the rename's chain), however many of its providers were renamed.
 */
@Component
class ProviderNames {

    private static final Logger log = LoggerFactory.getLogger(ProviderNames.class);
    private static final int ATTEMPTS = 3;

    private final PriceLists priceLists;
    private final PriceListWrites writes;
    private final Clock clock;

    ProviderNames(PriceLists priceLists, PriceListWrites writes, Clock clock) {
        this.priceLists = priceLists;
        this.writes = writes;
        this.clock = clock;
    }

    @EventListener
    void onProvidersNamed(ProvidersNamed named) {
        int renamed = 0;
        for (PriceList found : priceLists.showingOtherNamesFor(named.namesById())) {
            Optional<Boolean> published = rename(found, named);
            if (published.isEmpty()) {
                log.warn("The price list of {} kept changing; it shows the providers' old names until they are named again",
                        found.modelId());
            } else if (published.get()) {
                renamed++;
            }
        }
        if (renamed > 0) {
            log.info("{} price list(s) now show the current name of {}", renamed, named.namesById().size() == 1
                    ? named.namesById().keySet().iterator().next() + ": '" + named.namesById().values().iterator().next() + "'"
                    : named.namesById().size() + " providers");
        }
    }

    /** Whether the rename published a new revision; empty when every attempt lost its race. */
    private Optional<Boolean> rename(PriceList found, ProvidersNamed named) {
        AtomicReference<PriceList> latest = new AtomicReference<>(found);
        return LostRaces.retry(ATTEMPTS, () -> {
            if (latest.get() == null) {
                return Optional.of(false);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            PriceListChange change = latest.get().renameProviders(named.namesById(), now);
            if (writes.store(PriceListWrites.announce(change, now, named.causedBy())) == Write.STORED) {
                return Optional.of(change.publishes());
            }
            latest.set(priceLists.find(found.modelId()).orElse(null));
            return Optional.empty();
        });
    }
}
