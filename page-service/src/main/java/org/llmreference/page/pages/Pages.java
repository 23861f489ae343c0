package org.llmreference.page.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.types.Binary;
import org.llmreference.page.rendering.ModelLink;
import org.llmreference.page.rendering.PageChange;
import org.llmreference.platform.projection.RevisionGuard;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The rendered pages, one document per pair in {@value #COLLECTION}: {@code {_id: pairId, revision,
 * live, gzip, etag, renderedAt, occurredAt, causedBy, title, modelA {id, name, vendor}, modelB,
 * changes: [{revision, occurredAt, sections}] (newest first), withdrawnReason, contentHash}}. Pages
 * are written in bulk behind the pages served ({@link WriteBehind}); every write in it is guarded by
 * revision, so an older page never replaces a newer one, whatever order deliveries come in. Only the gzip bytes of a page are stored (its HTML
 * is what they inflate to): a fifth of the bytes to write.
 */
@Component
public class Pages {

    static final String COLLECTION = "pages";

    private final MongoCollection<Document> collection;

    Pages(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /**
     * Stores the pages and moves on the revisions of {@code advances} in one bulk write, each unless the
     * stored page has the same or a newer revision; answers the pairs of the pages skipped that way
     * (stored meanwhile by another instance sharing the database).
     */
    Set<String> storeAll(Collection<ServedPage> served, Collection<WriteBehind.Advance> advances) {
        List<ServedPage> pages = List.copyOf(served);
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (ServedPage page : pages) {
            writes.add(new ReplaceOneModel<>(RevisionGuard.olderThan(page.page().pairId(), page.page().revision()), toDocument(page),
                    new ReplaceOptions().upsert(true)));
        }
        for (WriteBehind.Advance advance : advances) {
            writes.add(new UpdateOneModel<>(RevisionGuard.olderThan(advance.pairId(), advance.revision()), Updates.combine(
                    Updates.set("revision", advance.revision()), Updates.set("causedBy", advance.causedBy()))));
        }
        if (writes.isEmpty()) {
            return Set.of();
        }
        Set<String> stale = new HashSet<>();
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (int index : RevisionGuard.staleInBulk(e)) {
                if (index >= pages.size()) {
                    throw e;
                }
                stale.add(pages.get(index).page().pairId());
            }
        }
        return stale;
    }

    /** The page (documents stored before pages were kept as gzip only still hold an {@code html} field: not read). */
    public Optional<ServedPage> find(String pairId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", pairId)).projection(Projections.exclude("html"))
                .first()).map(Pages::fromDocument);
    }

    /** Every page, without its HTML or gzip. */
    public List<IndexedPage> index() {
        List<IndexedPage> pages = new ArrayList<>();
        for (Document document : collection.find().projection(Projections.exclude("html", "gzip"))) {
            pages.add(indexed(document));
        }
        return pages;
    }

    private static Document toDocument(ServedPage served) {
        IndexedPage page = served.page();
        List<Document> changes = new ArrayList<>();
        for (PageChange change : page.changes()) {
            changes.add(new Document("revision", change.revision()).append("occurredAt", date(change.occurredAt()))
                    .append("sections", change.sections()).append("text", change.text()));
        }
        return new Document("_id", page.pairId())
                .append("revision", page.revision())
                .append("live", page.live())
                .append("gzip", new Binary(served.representation().gzip()))
                .append("etag", page.etag())
                .append("renderedAt", date(page.renderedAt()))
                .append("occurredAt", date(page.occurredAt()))
                .append("causedBy", page.causedBy())
                .append("title", page.title())
                .append("modelA", model(page.modelA()))
                .append("modelB", model(page.modelB()))
                .append("changes", changes)
                .append("withdrawnReason", page.withdrawnReason())
                .append("contentHash", page.contentHash());
    }

    private static ServedPage fromDocument(Document document) {
        return ServedPage.of(indexed(document), bytes(document.get("gzip")));
    }

    private static IndexedPage indexed(Document document) {
        List<PageChange> changes = new ArrayList<>();
        for (Document change : document.getList("changes", Document.class, List.of())) {
            changes.add(new PageChange(change.get("revision", Number.class).longValue(),
                    instant(change.getDate("occurredAt")), change.getList("sections", String.class, List.of()),
                    change.getString("text")));
        }
        return new IndexedPage(document.getString("_id"), document.get("revision", Number.class).longValue(),
                document.getBoolean("live", false), document.getString("title"),
                model(document.get("modelA", Document.class)), model(document.get("modelB", Document.class)),
                instant(document.getDate("occurredAt")), instant(document.getDate("renderedAt")),
                document.getString("causedBy"), changes, document.getString("withdrawnReason"),
                document.getString("etag"), document.getString("contentHash"));
    }

    private static Document model(ModelLink model) {
        return new Document("id", model.id()).append("name", model.name()).append("vendor", model.vendor());
    }

    private static ModelLink model(Document document) {
        return new ModelLink(document.getString("id"), document.getString("name"), document.getString("vendor"));
    }

    private static byte[] bytes(Object value) {
        if (value instanceof Binary binary) {
            return binary.getData();
        }
        return value instanceof byte[] bytes ? bytes : new byte[0];
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
