package org.llmreference.pricing.routes;

import static org.llmreference.pricing.routes.PriceListDocuments.HISTORY;
import static org.llmreference.pricing.routes.PriceListDocuments.REVISION;
import static org.llmreference.pricing.routes.PriceListDocuments.ROUTES;
import static org.llmreference.pricing.routes.PriceListDocuments.SCHEDULED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.llmreference.platform.outbox.PendingEvent;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

/**
 * The price lists in MongoDB, one document per model in {@value RoutesMessaging#COLLECTION}. Every
 * change is one single-document write that carries its history entries and its pending events
 * (the outbox relay publishes them), guarded by the revision it was computed from: a write that
 * lost a race changes nothing and answers {@code false}. Lookups go by {@code _id}; the few scans
 * (due scheduled changes, routes of a renamed provider) read every document, which the MongoDB-wire
 * server does for any non-{@code _id} query anyway.
 */
@Component
public class PriceLists {

    private final MongoCollection<Document> collection;

    PriceLists(MongoDatabase database) {
        this.collection = database.getCollection(RoutesMessaging.COLLECTION);
    }

    public Optional<PriceList> find(String modelId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", modelId)).projection(withoutOutbox()).first())
                .map(PriceListDocuments::priceList);
    }

    /** The price lists of these models in one query; a model without one maps to {@link PriceList#none}. */
    public Map<String, PriceList> findAll(Collection<String> modelIds) {
        Map<String, PriceList> found = new LinkedHashMap<>();
        for (String id : modelIds) {
            found.put(id, PriceList.none(id));
        }
        for (Document document : collection.find(Filters.in("_id", modelIds)).projection(withoutOutbox())) {
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
     * @return {@code false} when another writer got there first; nothing was stored
     */
    public boolean store(PriceListChange change) {
        if (change.isEmpty()) {
            return true;
        }
        PriceList before = change.before();
        PriceList after = change.after();
        List<Document> entries = change.entries().stream().map(PriceListDocuments::historyEntry).toList();
        List<Document> outbox = change.events().stream()
                .map(event -> PendingEvent.of(event, event.occurredAt()).toDocument()).toList();
        try {
            if (!before.stored()) {
                collection.insertOne(new Document("_id", after.modelId()).append(REVISION, after.revision())
                        .append(ROUTES, PriceListDocuments.providerRoutes(after.routes())).append(SCHEDULED, List.of())
                        .append(HISTORY, entries).append(PendingEvent.FIELD, outbox));
                return true;
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
            return collection.updateOne(Filters.and(filter), Updates.combine(update)).getMatchedCount() == 1;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Adds a scheduled change (and its history entry) without touching what is published.
     *
     * @param expectedRevision the revision the editor last read, if they said
     * @return {@code false} when the price list is no longer at {@code expectedRevision}
     */
    public boolean schedule(String modelId, ScheduledChange change, HistoryEntry entry, OptionalLong expectedRevision) {
        Bson filter = expectedRevision.isPresent()
                ? Filters.and(Filters.eq("_id", modelId), Filters.eq(REVISION, expectedRevision.getAsLong()))
                : Filters.eq("_id", modelId);
        List<Bson> update = new ArrayList<>(List.of(Updates.push(SCHEDULED, PriceListDocuments.scheduledChange(change)),
                Updates.push(HISTORY, PriceListDocuments.historyEntry(entry)), Updates.setOnInsert(ROUTES, List.of())));
        if (expectedRevision.isEmpty()) {
            update.add(Updates.setOnInsert(REVISION, 0L));
        }
        try {
            UpdateResult result = collection.updateOne(filter, Updates.combine(update), new UpdateOptions().upsert(true));
            return result.getMatchedCount() == 1 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Cancels a scheduled change that has not applied yet.
     *
     * @return {@code false} when there is no such pending change (unknown, applied, cancelled) or
     *         the price list is no longer at {@code expectedRevision}
     */
    public boolean cancel(String modelId, UUID scheduledChangeId, HistoryEntry entry, OptionalLong expectedRevision) {
        List<Bson> filter = new ArrayList<>(List.of(Filters.eq("_id", modelId),
                Filters.eq(SCHEDULED + ".id", scheduledChangeId.toString())));
        expectedRevision.ifPresent(revision -> filter.add(Filters.eq(REVISION, revision)));
        return collection.updateOne(Filters.and(filter),
                Updates.combine(Updates.pull(SCHEDULED, new Document("id", scheduledChangeId.toString())),
                        Updates.push(HISTORY, PriceListDocuments.historyEntry(entry))))
                .getMatchedCount() == 1;
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

    /** The price lists with a route of this provider under another display name. */
    public List<PriceList> showingAnotherNameFor(String providerId, String providerName) {
        List<PriceList> found = new ArrayList<>();
        for (Document document : collection.find(Filters.elemMatch(ROUTES,
                Filters.and(Filters.eq("providerId", providerId), Filters.ne("providerName", providerName))))
                .projection(withoutOutbox())) {
            found.add(PriceListDocuments.priceList(document));
        }
        return found;
    }

    private static Bson withoutOutbox() {
        return new Document(PendingEvent.FIELD, 0);
    }
}
