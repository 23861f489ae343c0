package org.llmreference.page.reach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;

/**
 * Which pages each edit reached, one document per page revision in {@value #COLLECTION}:
 * {@code {_id: "pairId@revision", causedBy, pairId, revision, live, changed, at}}, so the audit trail
 * of catalog-service and pricing-service (which names each change's {@code causedBy}) can be joined
 * with the pages it reached. Written after the page itself; a revision recorded twice (a replayed
 * event) is kept once. Failing to record one does not fail the page: it is logged.
 */
@Component
public class PagesReached {

    static final String COLLECTION = "pages_reached";
    /** At most this many pages are listed for one edit. */
    public static final int MAX = 1000;

    private static final Logger log = LoggerFactory.getLogger(PagesReached.class);

    private final MongoCollection<Document> collection;

    PagesReached(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        try {
            collection.createIndex(Indexes.ascending("causedBy"));
        } catch (MongoException e) {
            log.warn("could not create the causedBy index of {} yet: {}", COLLECTION, e.getMessage());
        }
    }

    /** Records that the edit {@code causedBy} gave the pair's page {@code revision}. */
    public void record(String causedBy, String pairId, long revision, boolean live, boolean changed, Instant at) {
        if (causedBy == null) {
            return;
        }
        try {
            collection.insertOne(new Document("_id", pairId + "@" + revision).append("causedBy", causedBy)
                    .append("pairId", pairId).append("revision", revision).append("live", live).append("changed", changed)
                    .append("at", Date.from(at)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                log.warn("could not record that {} reached page {} rev {}: {}", causedBy, pairId, revision, e.getMessage());
            }
        } catch (MongoException e) {
            log.warn("could not record that {} reached page {} rev {}: {}", causedBy, pairId, revision, e.getMessage());
        }
    }

    /**
     * Records many pages reached in one write (those without an edit are skipped); like
     * {@link #record}, a page recorded already is no failure.
     *
     * @throws MongoException when MongoDB did not take them
     */
    public void recordAll(Collection<PageReached> pages) {
        List<Document> documents = new ArrayList<>();
        for (PageReached page : pages) {
            if (page.causedBy() != null) {
                documents.add(new Document("_id", page.pairId() + "@" + page.revision()).append("causedBy", page.causedBy())
                        .append("pairId", page.pairId()).append("revision", page.revision()).append("live", page.live())
                        .append("changed", page.changed()).append("at", Date.from(page.at())));
            }
        }
        if (documents.isEmpty()) {
            return;
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    /** The pages the edits {@code causedBy} reached, by edit and pair id (at most {@value #MAX}). */
    public List<PageReached> of(Collection<String> causedBy) {
        List<PageReached> reached = new ArrayList<>();
        for (Document document : collection.find(Filters.in("causedBy", causedBy))
                .sort(Sorts.ascending("causedBy", "pairId")).limit(MAX)) {
            String pairId = document.getString("pairId");
            reached.add(new PageReached(document.getString("causedBy"), pairId, PageReached.pathOf(pairId), document.get("revision", Number.class).longValue(),
                    document.getBoolean("live", true), document.getBoolean("changed", true),
                    document.getDate("at").toInstant()));
        }
        return reached;
    }
}
