package org.llmreference.pricing.routes;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.llmreference.platform.storage.LostRaces;
import org.llmreference.pricing.models.KnownModel;
import org.llmreference.pricing.models.KnownModels;
import org.llmreference.pricing.providers.Provider;
import org.llmreference.pricing.providers.Providers;
import org.llmreference.pricing.routes.PriceLists.Write;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies the scheduled changes whose time has come ({@link ScheduledChangeTimer} says when), or
 * drops those that can no longer apply, saying why.
 */
@Service
public class ScheduledChanges {

    private static final Logger log = LoggerFactory.getLogger(ScheduledChanges.class);
    private static final int ATTEMPTS = 3;

    private final PriceLists priceLists;
    private final PriceListWrites writes;
    private final KnownModels knownModels;
    private final Providers providers;
    private final Clock clock;

    ScheduledChanges(PriceLists priceLists, PriceListWrites writes, KnownModels knownModels, Providers providers,
            Clock clock) {
        this.priceLists = priceLists;
        this.writes = writes;
        this.knownModels = knownModels;
        this.providers = providers;
        this.clock = clock;
    }

    /** Applies (or drops) every scheduled change whose time has come; answers how many it resolved. */
    public int applyDue() {
        int resolved = 0;
        for (PriceLists.Due due : priceLists.dueAt(clock.instant())) {
            if (applyScheduled(due)) {
                resolved++;
            }
        }
        return resolved;
    }

    /**
     * Applies one due scheduled change, unless another instance did first or it was cancelled. A
     * change for a model that is retired (or no longer known), or whose provider is gone, is dropped
     * with the reason. The event's {@code occurredAt} is the moment it applied.
     */
    boolean applyScheduled(PriceLists.Due due) {
        Optional<Boolean> resolved = LostRaces.retry(ATTEMPTS, () -> {
            Optional<PriceList> found = priceLists.find(due.modelId());
            if (found.isEmpty() || found.get().scheduledChange(due.change().id()).isEmpty()) {
                return Optional.of(false);
            }
            ScheduledChange change = due.change();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            PriceListChange step = resolve(found.get(), change, now);
            if (writes.store(step, now) == Write.LOST_RACE) {
                return Optional.empty();
            }
            log.info("Scheduled change {} of {}/{} (effective {}): {}", change.id(), due.modelId(),
                    change.providerId(), change.effectiveFrom(), step.entries().get(0).kind().wireName());
            return Optional.of(true);
        });
        if (resolved.isEmpty()) {
            log.warn("Scheduled change {} of {} lost three races in a row; the next round tries again",
                    due.change().id(), due.modelId());
        }
        return resolved.orElse(false);
    }

    /** The change applied, or dropped with the reason when its model or provider cannot take it any more. */
    private PriceListChange resolve(PriceList current, ScheduledChange change, Instant now) {
        Optional<KnownModel> model = knownModels.find(current.modelId());
        Optional<Provider> provider = providers.find(change.providerId());
        if (model.isEmpty() || !model.get().acceptsRoutes()) {
            return current.drop(change, now, model.isEmpty() ? "the model is no longer in the catalog"
                    : "the model was retired before the change took effect");
        }
        if (provider.isEmpty()) {
            return current.drop(change, now, "the provider is unknown");
        }
        return current.put(change.providerId(), provider.get().name(), change.route(), change.effectiveFrom(), now,
                change.id());
    }
}
