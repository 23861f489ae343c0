package org.llmreference.pricing.routes.sync;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.contracts.pricing.UpstreamSource;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.IfMatch;
import org.llmreference.pricing.routes.HistoryEntry;
import org.llmreference.pricing.routes.PriceList;
import org.llmreference.pricing.routes.PriceLists;
import org.llmreference.pricing.routes.PriceLists.Announced;
import org.llmreference.pricing.routes.Provenance;
import org.llmreference.pricing.routes.ProviderRoute;
import org.llmreference.pricing.routes.Route;
import org.llmreference.pricing.routes.RouteCommands;
import org.llmreference.pricing.routes.RouteInput;
import org.llmreference.pricing.routes.RouteRefusal;
import org.llmreference.pricing.routes.RouteRules;
import org.llmreference.pricing.routes.UpstreamRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies an upstream route (sent by the sync) without overwriting an editor: each term an editor
 * changed after the upstream value last applied ({@link FieldOwners}) keeps our value, every other
 * term takes upstream's, and the change is stored as an ordinary put carrying the upstream
 * provenance. Where upstream differs from our value on an editor's term, the route gets a
 * {@link SyncConflict}, listed until an editor resolves it; an upstream value an editor already
 * declined ("keep ours") is not listed again until upstream changes it once more.
 */
@Service
public class UpstreamChanges {

    private static final Logger log = LoggerFactory.getLogger(UpstreamChanges.class);
    /** Where and when the values were read: an editor's stays ours without a conflict to list. */
    static final Set<String> BOOKKEEPING = Set.of("sourceUrl", "verifiedAt");
    /** The conflict "field" of a route upstream withdrew: ours {@code offered}, upstream {@code withdrawn}. */
    public static final String WITHDRAWN = "route";

    private final RouteCommands editor;
    private final PriceLists priceLists;
    private final SyncConflicts conflicts;
    private final Counter detected;
    private final Clock clock;

    UpstreamChanges(RouteCommands editor, PriceLists priceLists, SyncConflicts conflicts, MeterRegistry meters,
            Clock clock) {
        this.editor = editor;
        this.priceLists = priceLists;
        this.conflicts = conflicts;
        this.clock = clock;
        this.detected = Counter.builder("llmref.sync.conflicts.detected")
                .description("Upstream changes the sync did not apply because an editor changed the same terms")
                .register(meters);
        Gauge.builder("llmref.sync.conflicts.open", conflicts, SyncConflicts::countOpen)
                .description("Sync conflicts waiting for an editor").register(meters);
    }

    /**
     * @param put       what the put did (the route in force afterwards)
     * @param conflicts the terms that kept our value although upstream differs (empty: none)
     */
    public record Outcome(RouteCommands.Put put, List<String> conflicts) {
    }

    /** Applies the upstream route to the model's route of the provider. */
    public Outcome apply(String modelId, String providerId, RouteInput upstream, Provenance provenance) {
        if (!RouteRules.idViolations(modelId, providerId).isEmpty()
                || !RouteRules.violations(upstream, clock.instant()).isEmpty()) {
            // The ordinary put refuses it with the violations listed.
            return new Outcome(editor.put(modelId, providerId, upstream, null, provenance), List.of());
        }
        Optional<PriceList> priceList = priceLists.find(modelId);
        Optional<ProviderRoute> current = priceList.flatMap(p -> p.route(providerId));
        UpstreamSource source = source(upstream.upstream(), provenance);
        if (current.isEmpty()) {
            conflicts.remove(modelId, providerId);
            RouteCommands.Put put = editor.put(modelId, providerId,
                    RouteInput.of(upstream.toRoute().terms(), source, null), null, provenance);
            log.info("automation: upstream {} added {}/{}", source(provenance), modelId, providerId);
            return new Outcome(put, List.of());
        }
        RouteTerms ours = current.get().route().terms();
        RouteTerms theirs = upstream.toRoute().terms();
        Set<String> owned = FieldOwners.editorOwned(priceList.get().historyOf(providerId));
        List<String> kept = current.get().route().changedFields(new Route(theirs)).stream()
                .filter(owned::contains).toList();
        List<String> conflicting = kept.stream().filter(term -> !BOOKKEEPING.contains(term)).toList();
        if (conflicting.isEmpty()) {
            conflicts.remove(modelId, providerId);
        } else {
            record(modelId, providerId, conflicting, ours, theirs, provenance);
        }
        RouteTerms merged = merge(theirs, ours, kept);
        RouteCommands.Put put = editor.put(modelId, providerId, RouteInput.of(merged, source, null),
                IfMatch.etag(priceList.get().revision()), provenance);
        if (put.causedBy() != null) {
            log.info("automation: upstream {} changed {}/{}{}", source(provenance), modelId, providerId,
                    conflicting.isEmpty() ? "" : "; kept the editor's " + conflicting);
        }
        return new Outcome(put, conflicting);
    }

    /**
     * The upstream source the sync sent, with the commit of its provenance when the source names none
     * (a checkout's files are read at that commit); null when the sync sent none (an api.json has no files).
     */
    static UpstreamSource source(UpstreamSource sent, Provenance provenance) {
        if (sent == null || sent.commit() != null || provenance.commit() == null
                || !UpstreamRules.COMMIT.matcher(provenance.commit()).matches()) {
            return sent;
        }
        return new UpstreamSource(sent.providerModelId(), sent.path(), provenance.commit(), sent.committedAt(),
                sent.alsoFolded());
    }

    /**
     * What a withdrawal the sync asked for did.
     *
     * @param withdrawn the withdrawal, when the route was withdrawn; null when it was kept (a conflict)
     */
    public record Withdrawal(Announced withdrawn) {
    }

    /**
     * Withdraws a route upstream no longer lists, unless an editor changed one of its terms after the
     * last upstream value: then the route stays and gets a conflict on {@value #WITHDRAWN} (listed until
     * an editor resolves it; "keep upstream" withdraws it). A route that never came from upstream is
     * not the sync's to withdraw.
     */
    public Withdrawal withdraw(String modelId, String providerId, Provenance provenance) {
        List<FieldViolation> violations = RouteRules.idViolations(modelId, providerId);
        if (!violations.isEmpty()) {
            throw new RouteRefusal.Invalid(violations);
        }
        PriceList priceList = priceLists.find(modelId).filter(p -> p.route(providerId).isPresent())
                .orElseThrow(() -> new RouteRefusal.NotFound("route", modelId + "/" + providerId));
        ProviderRoute current = priceList.route(providerId).orElseThrow();
        List<HistoryEntry> history = priceList.historyOf(providerId);
        if (current.route().upstream() == null && history.stream().noneMatch(UpstreamChanges::fromUpstream)) {
            throw new NotFromUpstream(modelId, providerId);
        }
        if (!FieldOwners.editorOwned(history).isEmpty()) {
            Optional<SyncConflict> known = conflicts.find(modelId, providerId);
            boolean declined = known.isPresent() && known.get().fieldNames().equals(List.of(WITHDRAWN))
                    && SyncConflict.KEPT_OURS.equals(known.get().state());
            if (!declined) {
                boolean listed = known.isPresent() && known.get().fieldNames().equals(List.of(WITHDRAWN));
                conflicts.save(new SyncConflict(modelId, providerId,
                        List.of(new SyncConflict.Field(WITHDRAWN, "offered", "withdrawn")), current.route().terms(),
                        provenance, listed ? known.get().detectedAt() : clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        SyncConflict.OPEN));
                if (!listed) {
                    detected.increment();
                    log.warn("sync conflict on {}/{}: upstream withdrew the route, but an editor changed it since; kept it",
                            modelId, providerId);
                }
            }
            return new Withdrawal(null);
        }
        Announced withdrawn = editor.withdraw(modelId, providerId, IfMatch.etag(priceList.revision()), provenance);
        conflicts.remove(modelId, providerId);
        log.info("automation: upstream {} withdrew {}/{}", source(provenance), modelId, providerId);
        return new Withdrawal(withdrawn);
    }

    /**
     * Whether a history entry put upstream values: it names an upstream source, or came from the sync or
     * the history import (a bundle import without upstream sources, such as the demo catalog, is not upstream).
     */
    private static boolean fromUpstream(HistoryEntry entry) {
        if (entry.kind() != HistoryEntry.Kind.APPLIED) {
            return false;
        }
        return entry.route() != null && entry.route().upstream() != null || entry.provenance() != null
                && (Provenance.SYNC.equals(entry.provenance().origin())
                        || Provenance.HISTORY_IMPORT.equals(entry.provenance().origin()));
    }

    /** The route was put by editors only: the sync does not withdraw it. */
    public static final class NotFromUpstream extends RuntimeException {

        NotFromUpstream(String modelId, String providerId) {
            super(modelId + "/" + providerId + " did not come from upstream (an editor added it), so the sync does "
                    + "not withdraw it");
        }
    }

    private static String source(Provenance provenance) {
        return provenance.commit() != null ? "commit " + provenance.commit() : provenance.url() + " (" + provenance.fetchedAt() + ")";
    }

    /** Resolves a conflict for upstream: its terms take the upstream values, recorded with its provenance. */
    public Accepted acceptUpstream(String modelId, String providerId) {
        SyncConflict conflict = openConflict(modelId, providerId);
        if (conflict.fieldNames().equals(List.of(WITHDRAWN))) {
            PriceList priceList = priceLists.find(modelId).orElseThrow(() -> new ConflictNotFound(modelId, providerId));
            Announced withdrawn = editor.withdraw(modelId, providerId, IfMatch.etag(priceList.revision()),
                    conflict.provenance() == null ? new Provenance(Provenance.SYNC, null, null, null, null)
                            : conflict.provenance());
            conflicts.remove(modelId, providerId);
            log.info("sync conflict on {}/{} resolved for upstream: withdrawn", modelId, providerId);
            return new Accepted(withdrawn.change().after().revision(), withdrawn.causedBy(), null);
        }
        PriceList priceList = priceLists.find(modelId).orElseThrow(() -> new ConflictNotFound(modelId, providerId));
        ProviderRoute current = priceList.route(providerId).orElseThrow(() -> new ConflictNotFound(modelId, providerId));
        List<String> fields = conflict.fieldNames();
        // The terms not in conflict keep our current values: take upstream's only for the conflict's terms.
        List<String> others = FieldOwners.TERMS.stream().filter(term -> !fields.contains(term)).toList();
        RouteTerms accepted = merge(conflict.upstream(), current.route().terms(), others);
        Provenance provenance = conflict.provenance() == null
                ? new Provenance(Provenance.SYNC, null, null, null, null) : conflict.provenance();
        RouteCommands.Put put = editor.put(modelId, providerId, RouteInput.of(accepted, null),
                IfMatch.etag(priceList.revision()), provenance);
        conflicts.remove(modelId, providerId);
        log.info("sync conflict on {}/{} resolved for upstream ({})", modelId, providerId, fields);
        return new Accepted(put.priceList().revision(), put.causedBy(), put.route().route());
    }

    /**
     * An accepted upstream value.
     *
     * @param causedBy the event it caused, if any
     * @param route    the route in force afterwards; null when upstream's value was the route's withdrawal
     */
    public record Accepted(long revision, String causedBy, Route route) {
    }

    /** Resolves a conflict for our values: this upstream value is not listed again. */
    public void keepOurs(String modelId, String providerId) {
        openConflict(modelId, providerId);
        if (!conflicts.keepOurs(modelId, providerId)) {
            throw new ConflictNotFound(modelId, providerId);
        }
        log.info("sync conflict on {}/{} resolved for our values", modelId, providerId);
    }

    /** There is no open conflict for the route. */
    public static final class ConflictNotFound extends RuntimeException {

        ConflictNotFound(String modelId, String providerId) {
            super(modelId + "/" + providerId);
        }
    }

    private SyncConflict openConflict(String modelId, String providerId) {
        return conflicts.find(modelId, providerId).filter(c -> SyncConflict.OPEN.equals(c.state()))
                .orElseThrow(() -> new ConflictNotFound(modelId, providerId));
    }

    private void record(String modelId, String providerId, List<String> conflicting, RouteTerms ours,
            RouteTerms theirs, Provenance provenance) {
        Optional<SyncConflict> known = conflicts.find(modelId, providerId);
        boolean sameUpstream = known.isPresent() && known.get().fieldNames().equals(conflicting)
                && conflicting.stream().allMatch(term -> equal(value(known.get().upstream(), term), value(theirs, term)));
        if (sameUpstream && SyncConflict.KEPT_OURS.equals(known.get().state())) {
            return;
        }
        List<SyncConflict.Field> fields = new ArrayList<>();
        for (String term : conflicting) {
            fields.add(new SyncConflict.Field(term, text(value(ours, term)), text(value(theirs, term))));
        }
        Instant detectedAt = sameUpstream ? known.get().detectedAt() : clock.instant().truncatedTo(ChronoUnit.MILLIS);
        conflicts.save(new SyncConflict(modelId, providerId, fields, theirs, provenance, detectedAt, SyncConflict.OPEN));
        if (!sameUpstream) {
            detected.increment();
            log.warn("sync conflict on {}/{}: an editor changed {} after the last upstream value; kept ours {}",
                    modelId, providerId, conflicting, fields);
        }
    }

    /** {@code base}'s terms, except those named in {@code kept}, which take {@code keptFrom}'s values. */
    static RouteTerms merge(RouteTerms base, RouteTerms keptFrom, List<String> kept) {
        RecordComponent[] components = RouteTerms.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(kept.contains(components[i].getName()) ? keptFrom : base, components[i].getName());
        }
        try {
            Constructor<RouteTerms> constructor = RouteTerms.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a route's terms", e);
        }
    }

    private static Object value(RouteTerms terms, String term) {
        try {
            return RouteTerms.class.getMethod(term).invoke(terms);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + term + " of a route's terms", e);
        }
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return java.util.Objects.equals(a, b);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString() : value.toString();
    }
}
