package org.llmreference.pricing.routes;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.IfMatch;
import org.llmreference.pricing.models.KnownModel;
import org.llmreference.pricing.models.KnownModels;
import org.llmreference.pricing.providers.Provider;
import org.llmreference.pricing.providers.Providers;
import org.llmreference.pricing.routes.HistoryEntry.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The editor's operations on price lists: put a route now or schedule it, withdraw it, cancel a
 * scheduled change; and the scheduled changes coming due. Each reads the price list, computes the
 * change, and stores it in one revision-guarded write; a write that lost a race answers 412 when
 * the editor sent {@code If-Match}, else is computed again once (409 if it loses twice).
 */
@Service
public class RouteEditor {

    private static final Logger log = LoggerFactory.getLogger(RouteEditor.class);

    private final PriceLists priceLists;
    private final KnownModels knownModels;
    private final Providers providers;
    private final OutboxRelay relay;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RouteEditor(PriceLists priceLists, KnownModels knownModels, Providers providers, OutboxRelay relay,
            ApplicationEventPublisher events, Clock clock) {
        this.priceLists = priceLists;
        this.knownModels = knownModels;
        this.providers = providers;
        this.relay = relay;
        this.events = events;
        this.clock = clock;
    }

    /** What a put did. */
    public enum Outcome {
        CREATED, CHANGED, UNCHANGED, SCHEDULED
    }

    /**
     * @param route     the route in force after the put (for {@code SCHEDULED}: still the old one, if any)
     * @param scheduled the scheduled change, for {@code SCHEDULED}
     * @param causedBy  the id of the event the put caused, if any
     */
    public record Put(Outcome outcome, PriceList priceList, ProviderRoute route, ScheduledChange scheduled,
            String causedBy) {
    }

    /** Puts a route now, or schedules it when {@code effectiveFrom} is in the future. */
    public Put put(String modelId, String providerId, RouteInput input, String ifMatch) {
        Instant now = now();
        List<FieldViolation> violations = new ArrayList<>(RouteRules.idViolations(modelId, providerId));
        violations.addAll(RouteRules.violations(input, now));
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        OptionalLong expected = IfMatch.revision(ifMatch);
        String providerName = admit(modelId, providerId);
        Route route = input.toRoute();
        Instant effectiveFrom = input.effectiveFrom() == null ? null : input.effectiveFrom().truncatedTo(ChronoUnit.MILLIS);
        if (effectiveFrom != null && effectiveFrom.isAfter(now)) {
            return schedule(modelId, providerId, route, effectiveFrom, now, expected);
        }
        Instant inForceFrom = effectiveFrom == null ? now : effectiveFrom;
        for (int attempt = 0; attempt < 2; attempt++) {
            PriceList current = current(modelId, expected);
            boolean isNew = current.route(providerId).isEmpty();
            PriceListChange change = current.put(providerId, providerName, route, inForceFrom, now, null);
            if (change.isEmpty()) {
                return new Put(Outcome.UNCHANGED, current, current.route(providerId).orElseThrow(), null, null);
            }
            if (priceLists.store(change)) {
                relay.wake(modelId);
                return new Put(isNew ? Outcome.CREATED : Outcome.CHANGED, change.after(),
                        change.after().route(providerId).orElseThrow(), null, change.causedBy());
            }
            lostRace(modelId, expected);
        }
        throw concurrentChange(modelId);
    }

    private Put schedule(String modelId, String providerId, Route route, Instant effectiveFrom, Instant now,
            OptionalLong expected) {
        ScheduledChange change = new ScheduledChange(UUID.randomUUID(), providerId, route, effectiveFrom, now);
        HistoryEntry entry = new HistoryEntry(now, Kind.SCHEDULED, providerId, route, List.of(), route.sourceUrl(),
                effectiveFrom, change.id(), null, null);
        for (int attempt = 0; attempt < 2; attempt++) {
            PriceList current = current(modelId, expected);
            if (priceLists.schedule(modelId, change, entry, expected)) {
                events.publishEvent(new ChangeScheduled(modelId, effectiveFrom));
                return new Put(Outcome.SCHEDULED, current, current.route(providerId).orElse(null), change, null);
            }
            lostRace(modelId, expected);
        }
        throw concurrentChange(modelId);
    }

    /** Withdraws a route: the provider no longer offers the model. */
    public PriceListChange withdraw(String modelId, String providerId, String ifMatch) {
        checkIds(modelId, providerId);
        OptionalLong expected = IfMatch.revision(ifMatch);
        for (int attempt = 0; attempt < 2; attempt++) {
            PriceList current = priceLists.find(modelId).filter(p -> p.route(providerId).isPresent())
                    .orElseThrow(() -> ApiProblem.notFound("route", modelId + "/" + providerId));
            requireRevision(expected, current.revision());
            PriceListChange change = current.withdraw(providerId, now());
            if (priceLists.store(change)) {
                relay.wake(modelId);
                return change;
            }
            lostRace(modelId, expected);
        }
        throw concurrentChange(modelId);
    }

    /** Cancels a scheduled change before it applies. */
    public ScheduledChange cancel(String modelId, String providerId, UUID scheduledChangeId, String ifMatch) {
        checkIds(modelId, providerId);
        OptionalLong expected = IfMatch.revision(ifMatch);
        for (int attempt = 0; attempt < 2; attempt++) {
            PriceList current = priceLists.find(modelId)
                    .orElseThrow(() -> ApiProblem.notFound("scheduled change", scheduledChangeId.toString()));
            ScheduledChange change = current.scheduledChange(scheduledChangeId)
                    .filter(c -> c.providerId().equals(providerId))
                    .orElseThrow(() -> ApiProblem.notFound("scheduled change", scheduledChangeId.toString()));
            requireRevision(expected, current.revision());
            HistoryEntry entry = new HistoryEntry(now(), Kind.CANCELLED, providerId, change.route(), List.of(),
                    change.sourceUrl(), change.effectiveFrom(), change.id(), null, null);
            if (priceLists.cancel(modelId, scheduledChangeId, entry, expected)) {
                return change;
            }
            // Applied, cancelled or re-revisioned meanwhile: the next round tells which.
        }
        throw concurrentChange(modelId);
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
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<PriceList> found = priceLists.find(due.modelId());
            if (found.isEmpty() || found.get().scheduledChange(due.change().id()).isEmpty()) {
                return false;
            }
            PriceList current = found.get();
            ScheduledChange change = due.change();
            Instant now = now();
            Optional<KnownModel> model = knownModels.find(due.modelId());
            Optional<Provider> provider = providers.find(change.providerId());
            PriceListChange step;
            if (model.isEmpty() || !model.get().acceptsRoutes()) {
                step = current.drop(change, now, model.isEmpty() ? "the model is no longer in the catalog"
                        : "the model was retired before the change took effect");
            } else if (provider.isEmpty()) {
                step = current.drop(change, now, "the provider is unknown");
            } else {
                step = current.put(change.providerId(), provider.get().name(), change.route(), change.effectiveFrom(),
                        now, change.id());
            }
            if (priceLists.store(step)) {
                if (step.publishes()) {
                    relay.wake(due.modelId());
                }
                log.info("Scheduled change {} of {}/{} (effective {}): {}", change.id(), due.modelId(),
                        change.providerId(), change.effectiveFrom(), step.entries().get(0).kind().wireName());
                return true;
            }
        }
        log.warn("Scheduled change {} of {} lost three races in a row; the next round tries again", due.change().id(),
                due.modelId());
        return false;
    }

    /**
     * Puts many routes of many models, like {@link #put} without {@code If-Match} or scheduling, but
     * each changed price list moves by ONE revision with one event (see {@link PriceList#putAll}):
     * reads the price lists with one query and stores every change in one bulk write; a price list
     * another writer changed meanwhile is computed again from a fresh read and stored on its own.
     *
     * @param routesByModel per model, its routes, already checked and admitted, one per provider
     * @return per model, the outcome of each of its routes in order ({@code null} for routes that
     *         could not be stored because the price list kept changing)
     */
    public Map<String, List<Outcome>> putAll(Map<String, List<PriceList.RoutePut>> routesByModel) {
        Instant now = now();
        Map<String, PriceListChange> changes = new LinkedHashMap<>();
        for (PriceList current : priceLists.findAllWithoutHistory(routesByModel.keySet()).values()) {
            changes.put(current.modelId(), current.putAll(routesByModel.get(current.modelId()), now));
        }
        Set<String> lost = priceLists.storeAll(List.copyOf(changes.values()));
        Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, PriceListChange> model : changes.entrySet()) {
            String modelId = model.getKey();
            PriceListChange change = model.getValue();
            if (lost.contains(modelId)) {
                PriceList fresh = priceLists.find(modelId).orElse(PriceList.none(modelId));
                change = fresh.putAll(routesByModel.get(modelId), now);
                if (!priceLists.store(change)) {
                    outcomes.put(modelId, nulls(routesByModel.get(modelId).size()));
                    continue;
                }
            }
            if (change.publishes()) {
                relay.wake(modelId);
            }
            outcomes.put(modelId, outcomes(change, routesByModel.get(modelId)));
        }
        return outcomes;
    }

    /** Per route of a {@link PriceList#putAll}: created, changed, or unchanged (no history entry). */
    private static List<Outcome> outcomes(PriceListChange change, List<PriceList.RoutePut> routes) {
        Set<String> changed = new HashSet<>();
        change.entries().forEach(entry -> changed.add(entry.providerId()));
        List<Outcome> outcomes = new ArrayList<>();
        for (PriceList.RoutePut route : routes) {
            outcomes.add(!changed.contains(route.providerId()) ? Outcome.UNCHANGED
                    : change.before().route(route.providerId()).isEmpty() ? Outcome.CREATED : Outcome.CHANGED);
        }
        return outcomes;
    }

    /**
     * The provider's display name, once the model may be priced (known to the catalog and not
     * retired) and the provider is known; else a 422 problem saying what to do.
     */
    public String admit(String modelId, String providerId) {
        Optional<FieldViolation> problem = admissionProblem(knownModels.find(modelId), modelId);
        if (problem.isPresent()) {
            throw ApiProblem.unprocessable(problem.get().field(), problem.get().rule(), problem.get().message());
        }
        return providers.find(providerId).map(Provider::name).orElseThrow(() -> ApiProblem.unprocessable("providerId",
                "unknown-provider", "No provider '" + providerId + "' is known; create it first with PUT /api/providers/"
                        + providerId + "."));
    }

    /** Why routes of this model cannot be accepted, if they cannot. */
    public static Optional<FieldViolation> admissionProblem(Optional<KnownModel> model, String modelId) {
        if (model.isEmpty()) {
            return Optional.of(new FieldViolation("modelId", "unknown-model", "The catalog has not published a model '"
                    + modelId + "'; routes can be added once the catalog publishes the model."));
        }
        if (!model.get().acceptsRoutes()) {
            return Optional.of(new FieldViolation("modelId", "retired-model",
                    "Model '" + modelId + "' is retired; it takes no new routes."));
        }
        return Optional.empty();
    }

    private PriceList current(String modelId, OptionalLong expected) {
        PriceList current = priceLists.find(modelId).orElse(PriceList.none(modelId));
        requireRevision(expected, current.revision());
        return current;
    }

    private void lostRace(String modelId, OptionalLong expected) {
        if (expected.isPresent()) {
            long now = priceLists.find(modelId).map(PriceList::revision).orElse(0L);
            throw ApiProblem.staleRevision(expected.getAsLong(), now);
        }
    }

    private static void requireRevision(OptionalLong expected, long current) {
        if (expected.isPresent() && expected.getAsLong() != current) {
            throw ApiProblem.staleRevision(expected.getAsLong(), current);
        }
    }

    private static void checkIds(String modelId, String providerId) {
        List<FieldViolation> violations = RouteRules.idViolations(modelId, providerId);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
    }

    private static ApiProblem concurrentChange(String modelId) {
        return new ApiProblem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "The price list of '" + modelId + "' kept changing while this request was applied; send it again.");
    }

    private static List<Outcome> nulls(int size) {
        List<Outcome> nulls = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nulls.add(null);
        }
        return nulls;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
