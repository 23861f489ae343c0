package org.llmreference.page.reach;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.llmreference.platform.projection.RevisionGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
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
 * with the pages it reached. Written behind the page served, together with it ({@code WriteBehind}); a
 * revision recorded twice (a replayed event) is kept once.
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

    /**
     * Records the pages edits reached, in one write (those without an edit are skipped); a page
     * recorded already is no failure.
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
            // a page recorded already (its id is the pair and revision) is no failure
            RevisionGuard.staleInBulk(e);
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
