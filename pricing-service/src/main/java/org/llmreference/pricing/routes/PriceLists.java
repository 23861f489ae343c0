package org.llmreference.pricing.routes;

import static org.llmreference.pricing.routes.PriceListDocuments.HISTORY;
import static org.llmreference.pricing.routes.PriceListDocuments.REVISION;
import static org.llmreference.pricing.routes.PriceListDocuments.ROUTES;
import static org.llmreference.pricing.routes.PriceListDocuments.SCHEDULED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.platform.audit.AuditEntry;
import org.llmreference.platform.audit.AuditTrail;
import org.llmreference.platform.audit.FieldChange;
import org.llmreference.platform.outbox.PendingEvent;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;

/**
 * The price lists in MongoDB, one document per model in {@value RoutesMessaging#COLLECTION}. Every
 * change is one single-document write that carries its history entries, its pending events
 * (the outbox relay publishes them) and, for a change of one price list, its audit trail entries
 * (moved into the trail once stored; a bulk import is one entry of its own), guarded by the revision it was computed from: a write that
 * lost a race changes nothing and answers {@link Write#LOST_RACE}. Lookups go by {@code _id}; the few scans
 * (due scheduled changes, routes of a renamed provider) read every document, which the MongoDB-wire
 * server does for any non-{@code _id} query anyway.
 */
@Component
public class PriceLists {

    private final MongoCollection<Document> collection;
    private final AuditTrail audit;

    PriceLists(MongoDatabase database, AuditTrail audit) {
        this.collection = database.getCollection(RoutesMessaging.COLLECTION);
        this.audit = audit;
        audit.watch(collection);
    }

    /** The audit trail's names for what a change did to a route. */
    public static final String AUDIT_ROUTE_PUT = "route-put";
    public static final String AUDIT_ROUTE_WITHDRAW = "route-withdraw";
    public static final String AUDIT_SYNC_PUT = "sync-put";
    public static final String AUDIT_IMPORT_PUT = "import-put";
    public static final String AUDIT_PROVIDER_RENAME = "provider-rename";
    public static final String AUDIT_SCHEDULED_CREATE = "scheduled-create";
    public static final String AUDIT_SCHEDULED_CANCEL = "scheduled-cancel";
    public static final String AUDIT_SCHEDULED_APPLY = "scheduled-apply";
    public static final String AUDIT_SCHEDULED_DROP = "scheduled-drop";

    /** What a guarded write did. */
    public enum Write {
        /** The change and its events are stored. */
        STORED,
        /** Another writer got there first (the price list was created, or its revision moved): nothing was stored. */
        LOST_RACE
    }

    /** A change to store together with the events that announce it, in their envelopes. */
    public record Announced(PriceListChange change, List<Envelope<PricingEvent>> events) {

        public Announced {
            Objects.requireNonNull(change, "change");
            events = List.copyOf(events);
            if (events.size() != change.events().size()) {
                throw new IllegalArgumentException("one envelope per event of the change");
            }
        }

        /** The id of the first event, which a response returns as {@code X-Caused-By}; {@code null} without one. */
        public String causedBy() {
            return events.isEmpty() ? null : events.get(0).causedBy();
        }
    }

    public Optional<PriceList> find(String modelId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", modelId)).projection(withoutOutbox()).first())
                .map(PriceListDocuments::priceList);
    }

    /**
     * The price lists of these models in one query, without their history (it only grows, and a
     * change only appends to it), for bulk edits; a model without one maps to {@link PriceList#none}.
     */
    public Map<String, PriceList> findAllWithoutHistory(Collection<String> modelIds) {
        Map<String, PriceList> found = new LinkedHashMap<>();
        for (String id : modelIds) {
            found.put(id, PriceList.none(id));
        }
        for (Document document : collection.find(Filters.in("_id", modelIds))
                .projection(new Document(PendingEvent.FIELD, 0).append(HISTORY, 0))) {
            PriceList priceList = PriceListDocuments.priceList(document);
            found.put(priceList.modelId(), priceList);
        }
        return found;
    }

    /**
     * Stores {@code change} (routes, revision, history entries, pending events, and the scheduled
     * change it resolves) in one write, provided the price list is still at
     * {@code change.before().revision()} and still holds that scheduled change.
     *
     * @return {@link Write#LOST_RACE} when another writer got there first; nothing was stored
     */
    public Write store(Announced announced) {
        if (announced.change().isEmpty()) {
            return Write.STORED;
        }
        try {
            List<Document> auditEntries = auditEntries(announced);
            WriteModel<Document> write = write(announced, auditEntries);
            if (write instanceof InsertOneModel<Document> insert) {
                collection.insertOne(insert.getDocument());
            } else {
                UpdateOneModel<Document> update = (UpdateOneModel<Document>) write;
                if (collection.updateOne(update.getFilter(), update.getUpdate()).getMatchedCount() != 1) {
                    return Write.LOST_RACE;
                }
            }
            if (!auditEntries.isEmpty()) {
                audit.settle(collection, announced.change().before().modelId());
            }
            return Write.STORED;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return Write.LOST_RACE;
            }
            throw e;
        }
    }

    /**
     * Stores many changes of different price lists in one unordered bulk write, each guarded like
     * {@link #store}.
     *
     * @return the model ids of the changes that lost a race and were not stored
     */
    public Set<String> storeAll(List<Announced> changes) {
        List<Announced> writes = changes.stream().filter(announced -> !announced.change().isEmpty()).toList();
        if (writes.isEmpty()) {
            return Set.of();
        }
        Set<String> lost = new LinkedHashSet<>();
        BulkWriteResult result;
        try {
            result = collection.bulkWrite(writes.stream().map(write -> write(write, List.<Document>of())).toList(),
                    new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                lost.add(writes.get(error.getIndex()).change().after().modelId());
            }
            result = e.getWriteResult();
        }
        List<PriceListChange> updates = writes.stream().map(Announced::change).filter(change -> change.before().stored())
                .toList();
        if (result.getMatchedCount() < updates.size()) {
            lost.addAll(updatesNotApplied(updates));
        }
        return lost;
    }

    /**
     * The guarded updates another writer beat: revisions are gapless, so exactly one write produced
     * each revision, and the history entries carrying {@code after.revision()} tell whose it was.
     */
    private Set<String> updatesNotApplied(List<PriceListChange> updates) {
        Map<String, List<HistoryEntry>> stored = new HashMap<>();
        for (Document document : collection.find(Filters.in("_id", updates.stream().map(c -> c.after().modelId()).toList()))
                .projection(new Document(HISTORY, 1))) {
            stored.put(document.getString("_id"), document.getList(HISTORY, Document.class, List.of()).stream()
                    .map(PriceListDocuments::historyEntry).toList());
        }
        Set<String> notApplied = new LinkedHashSet<>();
        for (PriceListChange change : updates) {
            Long revision = change.after().revision();
            List<HistoryEntry> producedIt = stored.getOrDefault(change.after().modelId(), List.of()).stream()
                    .filter(entry -> revision.equals(entry.revision())).toList();
            if (!producedIt.equals(change.entries())) {
                notApplied.add(change.after().modelId());
            }
        }
        return notApplied;
    }

    /**
     * The insert of a price list's first document, or the update guarded by the revision it was
     * computed from, with the audit entries of the change waiting in it.
     */
    private static WriteModel<Document> write(Announced announced, List<Document> auditEntries) {
        PriceListChange change = announced.change();
        PriceList before = change.before();
        PriceList after = change.after();
        List<Document> entries = change.entries().stream().map(PriceListDocuments::historyEntry).toList();
        List<Document> outbox = announced.events().stream()
                .map(event -> PendingEvent.of(event, event.occurredAt()).toDocument()).toList();
        if (!before.stored()) {
            return new InsertOneModel<>(new Document("_id", after.modelId()).append(REVISION, after.revision())
                    .append(ROUTES, PriceListDocuments.providerRoutes(after.routes())).append(SCHEDULED, List.of())
                    .append(HISTORY, entries).append(PendingEvent.FIELD, outbox).append(AuditTrail.PENDING, auditEntries));
        }
        List<Bson> filter = new ArrayList<>(List.of(Filters.eq("_id", before.modelId()),
                Filters.eq(REVISION, before.revision())));
        List<Bson> update = new ArrayList<>(List.of(Updates.set(REVISION, after.revision()),
                Updates.set(ROUTES, PriceListDocuments.providerRoutes(after.routes()))));
        if (change.removesScheduled() != null) {
            filter.add(Filters.eq(SCHEDULED + ".id", change.removesScheduled().toString()));
            update.add(Updates.pull(SCHEDULED, new Document("id", change.removesScheduled().toString())));
        }
        if (!entries.isEmpty()) {
            update.add(Updates.pushEach(HISTORY, entries));
        }
        if (!outbox.isEmpty()) {
            update.add(Updates.pushEach(PendingEvent.FIELD, outbox));
        }
        if (!auditEntries.isEmpty()) {
            update.add(Updates.pushEach(AuditTrail.PENDING, auditEntries));
        }
        return new UpdateOneModel<>(Filters.and(filter), Updates.combine(update));
    }

    /**
     * Adds a scheduled change (and its history entry) without touching what is published.
     *
     * @param expectedRevision the revision the editor last read, if they said
     * @return {@link Write#LOST_RACE} when the price list is no longer at {@code expectedRevision}
     */
    public Write schedule(String modelId, ScheduledChange change, HistoryEntry entry, OptionalLong expectedRevision) {
        Bson filter = expectedRevision.isPresent()
                ? Filters.and(Filters.eq("_id", modelId), Filters.eq(REVISION, expectedRevision.getAsLong()))
                : Filters.eq("_id", modelId);
        PriceList current = find(modelId).orElse(PriceList.none(modelId));
        List<Bson> update = new ArrayList<>(List.of(Updates.push(SCHEDULED, PriceListDocuments.scheduledChange(change)),
                Updates.push(HISTORY, PriceListDocuments.historyEntry(entry)), Updates.setOnInsert(ROUTES, List.of()),
                Updates.push(AuditTrail.PENDING, AuditTrail.pending(auditEntry(current, current, entry, null)))));
        if (expectedRevision.isEmpty()) {
            update.add(Updates.setOnInsert(REVISION, 0L));
        }
        try {
            UpdateResult result = collection.updateOne(filter, Updates.combine(update), new UpdateOptions().upsert(true));
            if (result.getMatchedCount() == 1 || result.getUpsertedId() != null) {
                audit.settle(collection, modelId);
                return Write.STORED;
            }
            return Write.LOST_RACE;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return Write.LOST_RACE;
            }
            throw e;
        }
    }

    /**
     * Cancels a scheduled change that has not applied yet.
     *
     * @return {@link Write#LOST_RACE} when there is no such pending change (unknown, applied,
     *         cancelled) or the price list is no longer at {@code expectedRevision}
     */
    public Write cancel(String modelId, UUID scheduledChangeId, HistoryEntry entry, OptionalLong expectedRevision) {
        List<Bson> filter = new ArrayList<>(List.of(Filters.eq("_id", modelId),
                Filters.eq(SCHEDULED + ".id", scheduledChangeId.toString())));
        expectedRevision.ifPresent(revision -> filter.add(Filters.eq(REVISION, revision)));
        PriceList current = find(modelId).orElse(PriceList.none(modelId));
        if (collection.updateOne(Filters.and(filter),
                Updates.combine(Updates.pull(SCHEDULED, new Document("id", scheduledChangeId.toString())),
                        Updates.push(HISTORY, PriceListDocuments.historyEntry(entry)),
                        Updates.push(AuditTrail.PENDING, AuditTrail.pending(auditEntry(current, current, entry, null)))))
                .getMatchedCount() != 1) {
            return Write.LOST_RACE;
        }
        audit.settle(collection, modelId);
        return Write.STORED;
    }

    /** The audit trail's entries of a change: one per history entry (the upstream past an import records has none). */
    private List<Document> auditEntries(Announced announced) {
        List<Document> entries = new ArrayList<>();
        for (HistoryEntry entry : announced.change().entries()) {
            if (entry.provenance() == null || !Provenance.HISTORY_IMPORT.equals(entry.provenance().origin())) {
                entries.add(AuditTrail.pending(auditEntry(announced.change().before(), announced.change().after(), entry,
                        announced.causedBy())));
            }
        }
        return entries;
    }

    /**
     * The audit entry of one history entry of a change from {@code before} to {@code after}: what it did to the
     * route (old and new per term), by whom and why; a change that came from upstream without a
     * reason says where from.
     */
    private AuditEntry auditEntry(PriceList before, PriceList after, HistoryEntry entry, String causedBy) {
        Optional<ProviderRoute> current = before.route(entry.providerId());
        Map<String, Object> old = current.<Map<String, Object>>map(route -> PriceListDocuments.route(route.route()))
                .orElse(Map.of());
        Provenance provenance = entry.provenance();
        String origin = provenance == null ? Provenance.EDITOR : provenance.origin();
        List<FieldChange> changes = new ArrayList<>();
        String action = switch (entry.kind()) {
            case APPLIED -> {
                if (entry.changedFields().equals(List.of("providerName"))) {
                    changes.add(new FieldChange("providerName", current.map(ProviderRoute::providerName).orElse(null),
                            after.route(entry.providerId()).map(ProviderRoute::providerName).orElse(null)));
                    yield AUDIT_PROVIDER_RENAME;
                }
                changes.addAll(FieldChange.between(old, PriceListDocuments.route(entry.route())));
                yield entry.scheduledChangeId() != null ? AUDIT_SCHEDULED_APPLY
                        : Provenance.SYNC.equals(origin) ? AUDIT_SYNC_PUT
                        : Provenance.IMPORT.equals(origin) ? AUDIT_IMPORT_PUT : AUDIT_ROUTE_PUT;
            }
            case WITHDRAWN -> {
                changes.addAll(FieldChange.between(old, Map.of()));
                yield AUDIT_ROUTE_WITHDRAW;
            }
            case SCHEDULED -> {
                changes.addAll(FieldChange.between(old, PriceListDocuments.route(entry.route())));
                changes.add(new FieldChange("effectiveFrom", null, entry.effectiveFrom()));
                yield AUDIT_SCHEDULED_CREATE;
            }
            case CANCELLED, DROPPED -> {
                changes.add(new FieldChange("effectiveFrom", entry.effectiveFrom(), null));
                yield entry.kind() == HistoryEntry.Kind.CANCELLED ? AUDIT_SCHEDULED_CANCEL : AUDIT_SCHEDULED_DROP;
            }
        };
        String reason = entry.reason() != null ? entry.reason() : upstreamNote(provenance);
        return new AuditEntry(UUID.randomUUID().toString(), entry.at(),
                entry.author() == null ? AuditEntry.SYSTEM : entry.author(), audit.service(), action, before.modelId(),
                entry.providerId(), changes, reason, entry.revision() == null ? null : causedBy);
    }

    /** Where an upstream change's values came from, in words; {@code null} for an editor's change. */
    private static String upstreamNote(Provenance provenance) {
        if (provenance == null || Provenance.EDITOR.equals(provenance.origin())) {
            return null;
        }
        StringBuilder note = new StringBuilder(provenance.origin().equals(Provenance.SYNC) ? "upstream sync" : "bundle import");
        if (provenance.url() != null) {
            note.append(" from ").append(provenance.url());
        } else if (provenance.path() != null) {
            note.append(" from ").append(provenance.path());
        }
        if (provenance.commit() != null) {
            note.append(" at ").append(provenance.commit());
        }
        return note.toString();
    }

    /** A scheduled change and the model whose price list holds it. */
    public record Due(String modelId, ScheduledChange change) {
    }

    /** Every pending scheduled change, the soonest first. */
    public List<Due> scheduledChanges() {
        List<Due> all = new ArrayList<>();
        for (Document document : collection.find(Filters.exists(SCHEDULED + ".0"))
                .projection(new Document(SCHEDULED, 1))) {
            for (Document change : document.getList(SCHEDULED, Document.class, List.of())) {
                all.add(new Due(document.getString("_id"), PriceListDocuments.scheduledChange(change)));
            }
        }
        all.sort(Comparator.comparing((Due due) -> due.change().effectiveFrom())
                .thenComparing(due -> due.change().requestedAt()));
        return all;
    }

    /** The pending scheduled changes whose time has come ({@code effectiveFrom <= now}), the soonest first. */
    public List<Due> dueAt(Instant now) {
        return scheduledChanges().stream().filter(due -> !due.change().effectiveFrom().isAfter(now)).toList();
    }

    /**
     * The price lists with a route of one of these providers under another display name than the
     * one given, without their history. For one provider the server filters; for several, one scan
     * of every price list's routes.
     */
    public List<PriceList> showingOtherNamesFor(Map<String, String> namesById) {
        Bson filter = new Document();
        if (namesById.size() == 1) {
            Map.Entry<String, String> only = namesById.entrySet().iterator().next();
            filter = Filters.elemMatch(ROUTES, Filters.and(Filters.eq("providerId", only.getKey()),
                    Filters.ne("providerName", only.getValue())));
        }
        List<PriceList> found = new ArrayList<>();
        for (Document document : collection.find(filter)
                .projection(new Document(PendingEvent.FIELD, 0).append(HISTORY, 0))) {
            PriceList priceList = PriceListDocuments.priceList(document);
            if (priceList.routes().stream().anyMatch(route -> namesById.containsKey(route.providerId())
                    && !namesById.get(route.providerId()).equals(route.providerName()))) {
                found.add(priceList);
            }
        }
        return found;
    }

    private static Bson withoutOutbox() {
        return new Document(PendingEvent.FIELD, 0);
    }
}
