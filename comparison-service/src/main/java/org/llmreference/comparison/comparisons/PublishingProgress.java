package org.llmreference.comparison.comparisons;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.llmreference.contracts.Topics;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * How far the comparison events on {@value Topics#COMPARISON_PAGES} are known to be stored: one document
 * in {@code publishing}, {@code {_id: topic, offsets: {p<partition>: offset}}}. It moves on after a slice
 * is stored, to the highest offset the slice's events got in each partition; every event at or below
 * it is stored. What lies above it on the topic was sent but perhaps not stored ({@link PublishedState}).
 */
@Component
class PublishingProgress {

    private static final String TOPIC = Topics.COMPARISON_PAGES;

    private final MongoCollection<Document> collection;

    PublishingProgress(MongoDatabase database) {
        this.collection = database.getCollection("publishing");
    }

    /** The highest offset stored per partition of the topic; a partition not named: none yet. */
    Map<Integer, Long> storedThrough() {
        Document document = collection.find(Filters.eq("_id", TOPIC)).first();
        Map<Integer, Long> offsets = new HashMap<>();
        Document stored = document == null ? null : document.get("offsets", Document.class);
        if (stored != null) {
            stored.forEach((partition, offset) -> offsets.put(Integer.parseInt(partition.substring(1)),
                    ((Number) offset).longValue()));
        }
        return offsets;
    }

    /** Records that every event up to these offsets of the topic is stored. */
    void advance(Map<TopicPartition, Long> stored) {
        List<Bson> updates = stored.entrySet().stream().filter(entry -> entry.getKey().topic().equals(TOPIC))
                .map(entry -> Updates.max("offsets.p" + entry.getKey().partition(), entry.getValue())).toList();
        if (!updates.isEmpty()) {
            collection.updateOne(Filters.eq("_id", TOPIC), Updates.combine(updates), new UpdateOptions().upsert(true));
        }
    }
}
