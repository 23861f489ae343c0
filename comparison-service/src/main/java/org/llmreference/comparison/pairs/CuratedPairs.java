package org.llmreference.comparison.pairs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.llmreference.comparison.comparisons.Curations;
import org.llmreference.contracts.PairId;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/** The pairs editors curated, one document each: {@code {_id: pairId, a, b, curatedAt, causedBy}}. */
@Component
public class CuratedPairs implements Curations {

    private final MongoCollection<Document> collection;

    CuratedPairs(MongoDatabase database) {
        this.collection = database.getCollection("curatedPairs");
    }

    @Override
    public List<PairId> all() {
        List<PairId> pairs = new ArrayList<>();
        for (Document document : collection.find()) {
            pairs.add(PairId.parse(document.getString("_id")));
        }
        return pairs;
    }

    public boolean contains(PairId pair) {
        return collection.countDocuments(Filters.eq("_id", pair.toString())) > 0;
    }

    /** Stores the curation; answers whether it is new. */
    boolean curate(PairId pair, String causedBy, Instant at) {
        Document document = new Document("_id", pair.toString()).append("a", pair.a()).append("b", pair.b())
                .append("curatedAt", Date.from(at)).append("causedBy", causedBy);
        if (contains(pair)) {
            return false;
        }
        collection.replaceOne(Filters.eq("_id", pair.toString()), document, new ReplaceOptions().upsert(true));
        return true;
    }

    /** Removes the curation; answers whether there was one. */
    boolean uncurate(PairId pair) {
        return collection.deleteOne(Filters.eq("_id", pair.toString())).getDeletedCount() > 0;
    }
}
