package org.llmreference.page.comparisons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** The stored comparisons of a stack started before pairs were marked {@code live} keep their meaning. */
@WithInfrastructure
class ComparisonsTest {

    @Test
    void readsComparisonsStoredAsWithdrawnOrNotByEarlierVersions(TestInfrastructure infrastructure) {
        Instant at = Instant.parse("2026-11-26T02:00:00Z");
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            MongoDatabase database = client.getDatabase("comparisons-upgrade-" + System.nanoTime());
            MongoCollection<Document> stored = database.getCollection(Comparisons.COLLECTION);
            stored.insertMany(List.of(
                    new Document("_id", "a-vs-b").append("revision", 3L).append("withdrawn", false)
                            .append("comparison", null).append("causedBy", "edit-1").append("occurredAt", Date.from(at)),
                    new Document("_id", "a-vs-c").append("revision", 2L).append("withdrawn", true)
                            .append("comparison", null).append("causedBy", "edit-2").append("occurredAt", Date.from(at))));

            Comparisons comparisons = new Comparisons(database);

            assertThat(comparisons.find("a-vs-b")).hasValueSatisfying(comparison -> {
                assertThat(comparison.live()).isTrue();
                assertThat(comparison.revision()).isEqualTo(3);
                assertThat(comparison.causedBy()).isEqualTo("edit-1");
            });
            assertThat(comparisons.find("a-vs-c")).hasValueSatisfying(comparison -> assertThat(comparison.live()).isFalse());
            assertThat(comparisons.revisions()).containsExactlyInAnyOrder(
                    new ComparisonRevision("a-vs-b", 3, true, at), new ComparisonRevision("a-vs-c", 2, false, at));
            assertThat(stored.find()).allSatisfy(document -> assertThat(document).doesNotContainKey("withdrawn"));
            database.drop();
        }
    }
}
