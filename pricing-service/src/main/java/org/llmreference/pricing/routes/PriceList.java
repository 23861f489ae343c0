package org.llmreference.pricing.routes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteWithdrawn;
import org.llmreference.pricing.routes.HistoryEntry.Kind;

/**
 * A model's price list, the aggregate of pricing-service: the routes in force (published, in the
 * order they were first listed: a changed route keeps its place, a new one comes last; pages list
 * providers in this order), the changes scheduled for later, and the history of every accepted change.
 * {@code revision} counts the published states: it moves only when the routes change. Its
 * operations compute a {@link PriceListChange} (new state, history entries, events) and store nothing.
 *
 * @param stored whether a document exists for it (a model without one has revision 0 and no routes)
 */
public record PriceList(String modelId, long revision, List<ProviderRoute> routes, List<ScheduledChange> scheduled,
        List<HistoryEntry> history, boolean stored) {

    public PriceList {
        Objects.requireNonNull(modelId, "modelId");
        routes = routes == null ? List.of() : List.copyOf(routes);
        scheduled = scheduled == null ? List.of() : List.copyOf(scheduled);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The price list of a model nobody has priced yet. */
    public static PriceList none(String modelId) {
        return new PriceList(modelId, 0, List.of(), List.of(), List.of(), false);
    }

    public Optional<ProviderRoute> route(String providerId) {
        return routes.stream().filter(r -> r.providerId().equals(providerId)).findFirst();
    }

    public List<RouteSnapshot> snapshots() {
        return routes.stream().map(ProviderRoute::toSnapshot).toList();
    }

    /** The pending scheduled changes of one route, the soonest first. */
    public List<ScheduledChange> scheduledFor(String providerId) {
        return scheduled.stream().filter(s -> s.providerId().equals(providerId))
                .sorted(Comparator.comparing(ScheduledChange::effectiveFrom).thenComparing(ScheduledChange::requestedAt))
                .toList();
    }

    public Optional<ScheduledChange> scheduledChange(UUID id) {
        return scheduled.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Every accepted change of one route, the oldest first. */
    public List<HistoryEntry> historyOf(String providerId) {
        return history.stream().filter(h -> h.providerId().equals(providerId))
                .sorted(Comparator.comparing(HistoryEntry::at)).toList();
    }

    /**
     * Puts {@code route} in force for the provider from {@code effectiveFrom}. The same route again
     * changes nothing (and records nothing, unless it is a scheduled change coming due, whose
     * application is recorded either way).
     *
     * @param scheduledChangeId the scheduled change this applies, or {@code null} for an edit taking effect now
     */
    public PriceListChange put(String providerId, String providerName, Route route, Instant effectiveFrom,
            Instant at, UUID scheduledChangeId) {
        Optional<ProviderRoute> current = route(providerId);
        List<String> changed = new ArrayList<>();
        if (current.isEmpty()) {
            changed.add("route");
        } else {
            changed.addAll(current.get().route().changedFields(route));
            if (!current.get().providerName().equals(providerName)) {
                changed.add("providerName");
            }
        }
        if (changed.isEmpty()) {
            if (scheduledChangeId == null) {
                return PriceListChange.none(this);
            }
            HistoryEntry entry = new HistoryEntry(at, Kind.APPLIED, providerId, route, List.of(), route.sourceUrl(),
                    effectiveFrom, scheduledChangeId, null, null);
            return new PriceListChange(this, withHistory(entry, revision, routes), List.of(entry), List.of(),
                    scheduledChangeId);
        }
        List<ProviderRoute> after = replacing(providerId, new ProviderRoute(providerId, providerName, route, effectiveFrom));
        long next = revision + 1;
        PriceList changedList = new PriceList(modelId, next, after, scheduled, history, stored);
        HistoryEntry entry = new HistoryEntry(at, Kind.APPLIED, providerId, route, changed, route.sourceUrl(),
                effectiveFrom, scheduledChangeId, next, null);
        Envelope<RouteChanged> event = Envelope.startingChain(
                new RouteChanged(modelId, providerId, changedList.snapshots(), changed), modelId, next, at);
        return new PriceListChange(this, changedList.withHistory(entry, next, changedList.routes), List.of(entry),
                List.of(event), scheduledChangeId);
    }

    /** The routes with the provider's route replaced in its place, or added last when it has none. */
    private List<ProviderRoute> replacing(String providerId, ProviderRoute replacement) {
        List<ProviderRoute> after = new ArrayList<>(routes);
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i).providerId().equals(providerId)) {
                after.set(i, replacement);
                return after;
            }
        }
        after.add(replacement);
        return after;
    }

    /** Withdraws the provider's route; the event carries the routes that remain. */
    public PriceListChange withdraw(String providerId, Instant at) {
        ProviderRoute current = route(providerId)
                .orElseThrow(() -> new IllegalStateException(modelId + " has no route of " + providerId));
        List<ProviderRoute> after = new ArrayList<>(routes);
        after.remove(current);
        long next = revision + 1;
        PriceList changedList = new PriceList(modelId, next, after, scheduled, history, stored);
        HistoryEntry entry = new HistoryEntry(at, Kind.WITHDRAWN, providerId, current.route(), List.of("route"),
                current.route().sourceUrl(), null, null, next, null);
        Envelope<RouteWithdrawn> event = Envelope.startingChain(
                new RouteWithdrawn(modelId, providerId, changedList.snapshots()), modelId, next, at);
        return new PriceListChange(this, changedList.withHistory(entry, next, after), List.of(entry), List.of(event),
                null);
    }

    /** Shows the provider's new display name on its route; {@code causedBy} ties the events of one rename together. */
    public PriceListChange renameProvider(String providerId, String providerName, Instant at, String causedBy) {
        Optional<ProviderRoute> current = route(providerId);
        if (current.isEmpty() || current.get().providerName().equals(providerName)) {
            return PriceListChange.none(this);
        }
        List<ProviderRoute> after = replacing(providerId,
                new ProviderRoute(providerId, providerName, current.get().route(), current.get().effectiveFrom()));
        long next = revision + 1;
        PriceList changedList = new PriceList(modelId, next, after, scheduled, history, stored);
        HistoryEntry entry = new HistoryEntry(at, Kind.APPLIED, providerId, current.get().route(),
                List.of("providerName"), current.get().route().sourceUrl(), current.get().effectiveFrom(), null, next,
                null);
        Envelope<RouteChanged> event = Envelope.of(
                new RouteChanged(modelId, providerId, changedList.snapshots(), List.of("providerName")), modelId, next,
                at, causedBy);
        return new PriceListChange(this, changedList.withHistory(entry, next, after), List.of(entry), List.of(event),
                null);
    }

    /** Drops a scheduled change that can no longer apply, saying why. */
    public PriceListChange drop(ScheduledChange change, Instant at, String reason) {
        HistoryEntry entry = new HistoryEntry(at, Kind.DROPPED, change.providerId(), change.route(), List.of(),
                change.sourceUrl(), change.effectiveFrom(), change.id(), null, reason);
        return new PriceListChange(this, withHistory(entry, revision, routes), List.of(entry), List.of(), change.id());
    }

    private PriceList withHistory(HistoryEntry entry, long newRevision, List<ProviderRoute> newRoutes) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(entry);
        return new PriceList(modelId, newRevision, newRoutes, scheduled, longer, stored);
    }
}
