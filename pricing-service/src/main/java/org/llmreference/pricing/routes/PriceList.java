package org.llmreference.pricing.routes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.llmreference.contracts.pricing.RouteChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteWithdrawn;
import org.llmreference.pricing.routes.HistoryEntry.Kind;

/**
 * A model's price list, the aggregate of pricing-service: the routes in force (published, in the
 * order they were first listed: a changed route keeps its place, a new one comes last; pages list
 * providers in this order), the changes scheduled for later, and the history of every accepted change.
 * {@code revision} counts the published states: it moves only when the routes change. Its
 * operations compute a {@link PriceListChange} (new state, history entries, event payloads) and store
 * nothing; the services that store a change put its events in their envelopes.
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

    /** The routes as published, each with its dated prices ({@link PriceHistory}). */
    public List<RouteSnapshot> snapshots() {
        return routes.stream().map(r -> r.toSnapshot(PriceHistory.of(historyOf(r.providerId())))).toList();
    }

    /**
     * The routes of a change made to {@code before}: without dated prices when {@code before} was
     * read without its history (bulk edits), since a partial history would read as the whole of it.
     */
    private List<RouteSnapshot> snapshotsAfter(PriceList before) {
        return before.stored && before.history.isEmpty()
                ? routes.stream().map(ProviderRoute::toSnapshot).toList()
                : snapshots();
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
     * Puts {@code route} in force for the provider from {@code effectiveFrom}. A route that gives no
     * upstream source (an editor's) keeps the one in force when its terms are the same, and clears it
     * when they differ: the figures are no longer upstream's. The same route again changes nothing (and records nothing, unless it is a scheduled change coming due, whose
     * application is recorded either way).
     *
     * @param scheduledChangeId the scheduled change this applies, or {@code null} for an edit taking effect now
     */
    public PriceListChange put(String providerId, String providerName, Route route, Instant effectiveFrom,
            Instant at, UUID scheduledChangeId) {
        return put(providerId, providerName, route, effectiveFrom, at, scheduledChangeId, null);
    }

    /** {@link #put} recording where the change came from in its history entry. */
    public PriceListChange put(String providerId, String providerName, Route route, Instant effectiveFrom,
            Instant at, UUID scheduledChangeId, Provenance provenance) {
        Optional<ProviderRoute> current = route(providerId);
        if (route.upstream() == null && current.isPresent() && current.get().route().terms().equals(route.terms())) {
            // the same figures as upstream's: they still come from there
            route = route.withUpstream(current.get().route().upstream());
        }
        List<String> changed = changedFields(current, providerName, route);
        if (changed.isEmpty()) {
            if (scheduledChangeId == null) {
                return PriceListChange.none(this);
            }
            HistoryEntry entry = new HistoryEntry(at, Kind.APPLIED, providerId, route, List.of(), route.sourceUrl(),
                    effectiveFrom, scheduledChangeId, null, null, provenance);
            return new PriceListChange(this, withHistory(List.of(entry), revision, routes), List.of(entry), List.of(),
                    scheduledChangeId);
        }
        List<ProviderRoute> after = replacing(providerId, new ProviderRoute(providerId, providerName, route, effectiveFrom));
        long next = revision + 1;
        HistoryEntry entry = new HistoryEntry(at, Kind.APPLIED, providerId, route, changed, route.sourceUrl(),
                effectiveFrom, scheduledChangeId, next, null, provenance);
        PriceList changedList = withHistory(List.of(entry), next, after);
        RouteChanged event = new RouteChanged(modelId, providerId, changedList.snapshotsAfter(this), changed);
        return new PriceListChange(this, changedList, List.of(entry), List.of(event), scheduledChangeId);
    }

    /** One route of {@link #putAll}: the provider, its display name and the route. */
    public record RoutePut(String providerId, String providerName, Route route) {

        public RoutePut {
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(providerName, "providerName");
            Objects.requireNonNull(route, "route");
        }
    }

    /**
     * Puts many routes in force from {@code at} as ONE change (a bulk import): each route is
     * compared like {@link #put}, every route that changes gets its own history entry, and the
     * price list moves to one new revision announced by one {@code RouteChanged} carrying all its
     * routes. The event names the first provider whose route changed; its {@code changedFields} are
     * those of every changed route, in order, each once. Routes equal to those in force change
     * nothing; when none changes, neither does the price list.
     *
     * @param puts one route per provider (a provider twice is refused)
     */
    public PriceListChange putAll(List<RoutePut> puts, Instant at) {
        long next = revision + 1;
        List<ProviderRoute> after = new ArrayList<>(routes);
        List<HistoryEntry> entries = new ArrayList<>();
        Set<String> changedFields = new LinkedHashSet<>();
        Set<String> providers = new HashSet<>();
        for (RoutePut put : puts) {
            if (!providers.add(put.providerId())) {
                throw new IllegalArgumentException("route of " + put.providerId() + " listed twice for " + modelId);
            }
            List<String> changed = changedFields(find(after, put.providerId()), put.providerName(), put.route());
            if (changed.isEmpty()) {
                continue;
            }
            after = replacing(after, put.providerId(), new ProviderRoute(put.providerId(), put.providerName(), put.route(), at));
            entries.add(new HistoryEntry(at, Kind.APPLIED, put.providerId(), put.route(), changed, put.route().sourceUrl(),
                    at, null, next, null, importProvenance(put.route())));
            changedFields.addAll(changed);
        }
        if (entries.isEmpty()) {
            return PriceListChange.none(this);
        }
        PriceList changedList = withHistory(entries, next, after);
        RouteChanged event = new RouteChanged(modelId, entries.get(0).providerId(), changedList.snapshotsAfter(this),
                List.copyOf(changedFields));
        return new PriceListChange(this, changedList, entries, List.of(event), null);
    }

    /** A bulk import's: the upstream commit and file when the route names them. */
    private static Provenance importProvenance(Route route) {
        return route.upstream() == null ? new Provenance(Provenance.IMPORT, null, null, null, null)
                : new Provenance(Provenance.IMPORT, route.upstream().commit(), route.upstream().path(), null, null);
    }

    /** What putting {@code route} under {@code providerName} changes in {@code current}: {@code ["route"]} when there is none. */
    private static List<String> changedFields(Optional<ProviderRoute> current, String providerName, Route route) {
        List<String> changed = new ArrayList<>();
        if (current.isEmpty()) {
            changed.add("route");
        } else {
            changed.addAll(current.get().route().changedFields(route));
            if (!current.get().providerName().equals(providerName)) {
                changed.add("providerName");
            }
        }
        return changed;
    }

    private static Optional<ProviderRoute> find(List<ProviderRoute> routes, String providerId) {
        return routes.stream().filter(r -> r.providerId().equals(providerId)).findFirst();
    }

    /** The routes with the provider's route replaced in its place, or added last when it has none. */
    private List<ProviderRoute> replacing(String providerId, ProviderRoute replacement) {
        return replacing(routes, providerId, replacement);
    }

    private static List<ProviderRoute> replacing(List<ProviderRoute> routes, String providerId, ProviderRoute replacement) {
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
        return withdraw(providerId, at, null);
    }

    /** {@link #withdraw(String, Instant)} recording where the withdrawal came from (null: unrecorded). */
    public PriceListChange withdraw(String providerId, Instant at, Provenance provenance) {
        ProviderRoute current = route(providerId)
                .orElseThrow(() -> new IllegalStateException(modelId + " has no route of " + providerId));
        List<ProviderRoute> after = new ArrayList<>(routes);
        after.remove(current);
        long next = revision + 1;
        PriceList changedList = new PriceList(modelId, next, after, scheduled, history, stored);
        HistoryEntry entry = new HistoryEntry(at, Kind.WITHDRAWN, providerId, current.route(), List.of("route"),
                current.route().sourceUrl(), null, null, next, null, provenance);
        RouteWithdrawn event = new RouteWithdrawn(modelId, providerId, changedList.snapshotsAfter(this));
        return new PriceListChange(this, changedList.withHistory(List.of(entry), next, after), List.of(entry), List.of(event),
                null);
    }

    /** Shows the provider's new display name on its route. */
    public PriceListChange renameProvider(String providerId, String providerName, Instant at) {
        return renameProviders(Map.of(providerId, providerName), at);
    }

    /**
     * Shows the providers' display names on their routes as ONE change: a history entry per
     * renamed route, one new revision and one {@code RouteChanged} ({@code changedFields:
     * ["providerName"]}, naming the first renamed provider). Nothing changes when every route
     * already shows its provider's name.
     */
    public PriceListChange renameProviders(Map<String, String> namesById, Instant at) {
        long next = revision + 1;
        List<ProviderRoute> after = new ArrayList<>();
        List<HistoryEntry> entries = new ArrayList<>();
        for (ProviderRoute current : routes) {
            String name = namesById.get(current.providerId());
            if (name == null || name.equals(current.providerName())) {
                after.add(current);
                continue;
            }
            after.add(new ProviderRoute(current.providerId(), name, current.route(), current.effectiveFrom()));
            entries.add(new HistoryEntry(at, Kind.APPLIED, current.providerId(), current.route(), List.of("providerName"),
                    current.route().sourceUrl(), current.effectiveFrom(), null, next, null));
        }
        if (entries.isEmpty()) {
            return PriceListChange.none(this);
        }
        PriceList changedList = withHistory(entries, next, after);
        RouteChanged event = new RouteChanged(modelId, entries.get(0).providerId(), changedList.snapshotsAfter(this),
                List.of("providerName"));
        return new PriceListChange(this, changedList, entries, List.of(event), null);
    }

    /**
     * Adds dated steps read from upstream's history (history is not news: the routes in force stay as
     * they are). Each step becomes a history entry at its own date with {@code effectiveFrom} = that
     * date and {@code history-import} provenance; a step already recorded (same route and commit) is
     * left out, so importing the same history twice adds nothing. When entries were added and the price
     * list has routes, it moves by one revision with one {@code RouteChanged} ({@code changedFields:
     * ["history"]}) carrying the routes, so readers see the longer history; otherwise nothing is published.
     */
    public PriceListChange recordHistory(List<PastStep> steps) {
        Map<String, List<HistoryEntry>> pastByProvider = new java.util.HashMap<>();
        Set<String> recorded = new HashSet<>();
        for (HistoryEntry entry : history) {
            if (entry.provenance() != null && Provenance.HISTORY_IMPORT.equals(entry.provenance().origin())) {
                recorded.add(entry.providerId() + "@" + entry.provenance().commit());
                pastByProvider.computeIfAbsent(entry.providerId(), p -> new ArrayList<>()).add(entry);
            }
        }
        List<PastStep> fresh = new ArrayList<>();
        for (PastStep step : steps.stream().sorted(Comparator.comparing(PastStep::at)).toList()) {
            if (recorded.add(step.key())) {
                fresh.add(step);
            }
        }
        if (fresh.isEmpty()) {
            return PriceListChange.none(this);
        }
        List<HistoryEntry> added = new ArrayList<>();
        for (PastStep step : fresh) {
            List<HistoryEntry> past = pastByProvider.computeIfAbsent(step.providerId(), p -> new ArrayList<>());
            Optional<HistoryEntry> before = past.stream().filter(h -> !h.at().isAfter(step.at()))
                    .max(Comparator.comparing(HistoryEntry::at));
            List<String> changed = step.kind() == Kind.WITHDRAWN || before.isEmpty()
                    || before.get().kind() == Kind.WITHDRAWN ? List.of("route")
                    : before.get().route().changedFields(step.route());
            HistoryEntry entry = new HistoryEntry(step.at(), step.kind(), step.providerId(), step.route(), changed,
                    step.route().sourceUrl(), step.at(), null, null, null,
                    new Provenance(Provenance.HISTORY_IMPORT, step.commit(), step.path(), null, null));
            past.add(entry);
            added.add(entry);
        }
        if (routes.isEmpty()) {
            return new PriceListChange(this, withHistory(added, revision, routes), added, List.of(), null);
        }
        long next = revision + 1;
        PriceList longer = withHistory(added, next, routes);
        RouteChanged event = new RouteChanged(modelId, routes.get(0).providerId(), longer.snapshots(), List.of("history"));
        return new PriceListChange(this, longer, added, List.of(event), null);
    }

    /** Drops a scheduled change that can no longer apply, saying why. */
    public PriceListChange drop(ScheduledChange change, Instant at, String reason) {
        HistoryEntry entry = new HistoryEntry(at, Kind.DROPPED, change.providerId(), change.route(), List.of(),
                change.sourceUrl(), change.effectiveFrom(), change.id(), null, reason);
        return new PriceListChange(this, withHistory(List.of(entry), revision, routes), List.of(entry), List.of(), change.id());
    }

    private PriceList withHistory(List<HistoryEntry> entries, long newRevision, List<ProviderRoute> newRoutes) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.addAll(entries);
        return new PriceList(modelId, newRevision, newRoutes, scheduled, longer, stored);
    }
}
