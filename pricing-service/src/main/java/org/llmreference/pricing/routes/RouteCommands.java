package org.llmreference.pricing.routes;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.llmreference.platform.storage.LostRaces;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.IfMatch;
import org.llmreference.pricing.routes.HistoryEntry.Kind;
import org.llmreference.pricing.routes.PriceLists.Announced;
import org.llmreference.pricing.routes.PriceLists.Write;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The editor's commands on price lists: put a route now or schedule it, withdraw it, cancel a
 * scheduled change. Each reads the price list, computes the change, and stores it in one
 * revision-guarded write; a write that lost a race is refused as a stale revision when the editor
 * sent {@code If-Match}, else is computed again once (a concurrent change if it loses twice).
 * Refusals are {@link RouteRefusal}s.
 */
@Service
public class RouteCommands {

    private static final int ATTEMPTS = 2;

    private final PriceLists priceLists;
    private final PriceListWrites writes;
    private final RouteAdmission admission;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RouteCommands(PriceLists priceLists, PriceListWrites writes, RouteAdmission admission,
            ApplicationEventPublisher events, Clock clock) {
        this.priceLists = priceLists;
        this.writes = writes;
        this.admission = admission;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param route     the route in force after the put (for {@code SCHEDULED}: still the old one, if any)
     * @param scheduled the scheduled change, for {@code SCHEDULED}
     * @param causedBy  the id of the event the put caused, if any
     */
    public record Put(PutOutcome outcome, PriceList priceList, ProviderRoute route, ScheduledChange scheduled,
            String causedBy) {
    }

    /** Puts a route now, or schedules it when {@code effectiveFrom} is in the future. */
    public Put put(String modelId, String providerId, RouteInput input, String ifMatch) {
        return put(modelId, providerId, input, ifMatch, null);
    }

    /** {@link #put(String, String, RouteInput, String)} recording where the change came from in the route's history. */
    public Put put(String modelId, String providerId, RouteInput input, String ifMatch, Provenance provenance) {
        Instant now = now();
        List<FieldViolation> violations = new ArrayList<>(RouteRules.idViolations(modelId, providerId));
        violations.addAll(RouteRules.violations(input, now));
        if (input.upstream() != null) {
            if (provenance == null || Provenance.EDITOR.equals(provenance.origin())) {
                violations.add(new FieldViolation("upstream", "not-for-editors",
                        "the upstream source is set by imports and the upstream sync, not by an editor's put"));
            } else {
                violations.addAll(UpstreamRules.violations(input.upstream()));
            }
        }
        if (!violations.isEmpty()) {
            throw new RouteRefusal.Invalid(violations);
        }
        OptionalLong expected = IfMatch.revision(ifMatch);
        String providerName = admission.admit(modelId, providerId);
        Route route = input.toRoute();
        Instant effectiveFrom = input.effectiveFrom() == null ? null : input.effectiveFrom().truncatedTo(ChronoUnit.MILLIS);
        if (effectiveFrom != null && effectiveFrom.isAfter(now)) {
            return schedule(modelId, providerId, route, effectiveFrom, now, expected, provenance);
        }
        Instant inForceFrom = effectiveFrom == null ? now : effectiveFrom;
        return LostRaces.retry(ATTEMPTS, () -> {
            PriceList current = current(modelId, expected);
            boolean isNew = current.route(providerId).isEmpty();
            PriceListChange change = current.put(providerId, providerName, keepingUpstream(route, current, providerId),
                    inForceFrom, now, null, provenance);
            if (change.isEmpty()) {
                return Optional.of(new Put(PutOutcome.UNCHANGED, current, current.route(providerId).orElseThrow(), null,
                        null));
            }
            Announced announced = PriceListWrites.announce(change, now);
            if (writes.store(announced) == Write.STORED) {
                return Optional.of(new Put(isNew ? PutOutcome.CREATED : PutOutcome.CHANGED, change.after(),
                        change.after().route(providerId).orElseThrow(), null, announced.causedBy()));
            }
            return lostRace(modelId, expected);
        }).orElseThrow(() -> new RouteRefusal.ConcurrentChange(modelId));
    }

    /**
     * A put without an upstream source whose terms equal the route in force ({@code verifiedAt} aside)
     * keeps that route's upstream source: the figures still come from there. Other terms (an editor's)
     * leave the source out, since the upstream file no longer accounts for them.
     */
    private static Route keepingUpstream(Route route, PriceList current, String providerId) {
        if (route.upstream() != null) {
            return route;
        }
        return current.route(providerId).map(ProviderRoute::route)
                .filter(inForce -> inForce.upstream() != null && inForce.changedFields(route).stream()
                        .allMatch(field -> field.equals("upstream") || field.equals("verifiedAt")))
                .map(inForce -> route.withUpstream(inForce.upstream())).orElse(route);
    }

    private Put schedule(String modelId, String providerId, Route route, Instant effectiveFrom, Instant now,
            OptionalLong expected, Provenance provenance) {
        HistoryEntry request = PriceListWrites.authored(new HistoryEntry(now, Kind.SCHEDULED, providerId, route,
                List.of(), route.sourceUrl(), effectiveFrom, null, null, null, provenance));
        ScheduledChange change = new ScheduledChange(UUID.randomUUID(), providerId, route, effectiveFrom, now,
                request.author(), request.reason());
        HistoryEntry entry = new HistoryEntry(now, Kind.SCHEDULED, providerId, route, List.of(), route.sourceUrl(),
                effectiveFrom, change.id(), null, request.reason(), provenance, request.author());
        return LostRaces.retry(ATTEMPTS, () -> {
            PriceList current = current(modelId, expected);
            if (priceLists.schedule(modelId, change, entry, expected) == Write.STORED) {
                events.publishEvent(new ChangeScheduled(modelId, effectiveFrom));
                return Optional.of(new Put(PutOutcome.SCHEDULED, current, current.route(providerId).orElse(null), change,
                        null));
            }
            return this.<Put>lostRace(modelId, expected);
        }).orElseThrow(() -> new RouteRefusal.ConcurrentChange(modelId));
    }

    /** Withdraws a route: the provider no longer offers the model. */
    public Announced withdraw(String modelId, String providerId, String ifMatch) {
        return withdraw(modelId, providerId, ifMatch, null);
    }

    /** {@link #withdraw(String, String, String)} recording where the withdrawal came from in the route's history. */
    public Announced withdraw(String modelId, String providerId, String ifMatch, Provenance provenance) {
        checkIds(modelId, providerId);
        OptionalLong expected = IfMatch.revision(ifMatch);
        return LostRaces.retry(ATTEMPTS, () -> {
            PriceList current = priceLists.find(modelId).filter(p -> p.route(providerId).isPresent())
                    .orElseThrow(() -> new RouteRefusal.NotFound("route", modelId + "/" + providerId));
            requireRevision(expected, current.revision());
            Instant now = now();
            Announced announced = PriceListWrites.announce(current.withdraw(providerId, now, provenance), now);
            if (writes.store(announced) == Write.STORED) {
                return Optional.of(announced);
            }
            return this.<Announced>lostRace(modelId, expected);
        }).orElseThrow(() -> new RouteRefusal.ConcurrentChange(modelId));
    }

    /** Cancels a scheduled change before it applies. */
    public ScheduledChange cancel(String modelId, String providerId, UUID scheduledChangeId, String ifMatch) {
        checkIds(modelId, providerId);
        OptionalLong expected = IfMatch.revision(ifMatch);
        return LostRaces.retry(ATTEMPTS, () -> {
            PriceList current = priceLists.find(modelId)
                    .orElseThrow(() -> new RouteRefusal.NotFound("scheduled change", scheduledChangeId.toString()));
            ScheduledChange change = current.scheduledChange(scheduledChangeId)
                    .filter(c -> c.providerId().equals(providerId))
                    .orElseThrow(() -> new RouteRefusal.NotFound("scheduled change", scheduledChangeId.toString()));
            requireRevision(expected, current.revision());
            HistoryEntry entry = PriceListWrites.authored(new HistoryEntry(now(), Kind.CANCELLED, providerId,
                    change.route(), List.of(), change.sourceUrl(), change.effectiveFrom(), change.id(), null, null));
            if (priceLists.cancel(modelId, scheduledChangeId, entry, expected) == Write.STORED) {
                return Optional.of(change);
            }
            // Applied, cancelled or re-revisioned meanwhile: the next attempt tells which.
            return Optional.<ScheduledChange>empty();
        }).orElseThrow(() -> new RouteRefusal.ConcurrentChange(modelId));
    }

    private PriceList current(String modelId, OptionalLong expected) {
        PriceList current = priceLists.find(modelId).orElse(PriceList.none(modelId));
        requireRevision(expected, current.revision());
        return current;
    }

    /** After a lost race: a stale revision when the editor named one, else empty (try again). */
    private <T> Optional<T> lostRace(String modelId, OptionalLong expected) {
        if (expected.isPresent()) {
            long now = priceLists.find(modelId).map(PriceList::revision).orElse(0L);
            throw new RouteRefusal.StaleRevision(expected.getAsLong(), now);
        }
        return Optional.empty();
    }

    private static void requireRevision(OptionalLong expected, long current) {
        if (expected.isPresent() && expected.getAsLong() != current) {
            throw new RouteRefusal.StaleRevision(expected.getAsLong(), current);
        }
    }

    private static void checkIds(String modelId, String providerId) {
        List<FieldViolation> violations = RouteRules.idViolations(modelId, providerId);
        if (!violations.isEmpty()) {
            throw new RouteRefusal.Invalid(violations);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
