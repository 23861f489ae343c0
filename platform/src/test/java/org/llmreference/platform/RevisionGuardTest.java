package org.llmreference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.bson.codecs.pojo.annotations.BsonId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.platform.projection.RevisionGuard;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;

import org.bson.UuidRepresentation;
import com.mongodb.ConnectionString;

@WithInfrastructure
public class RevisionGuardTest {

    public record Stored(@BsonId String id, long revision, ModelSnapshot model) {
    }

    MongoCollection<Stored> collection;

    @BeforeEach
    void emptyCollection(TestInfrastructure infrastructure) {
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(infrastructure.mongoUri()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build());
        collection = client.getDatabase("platform-test").getCollection("projections", Stored.class);
        collection.drop();
    }

    @Test
    void storesAContractSnapshotAndReadsItBackUnchanged() {
        ModelSnapshot model = Models.aModel("gpt-oss-20b");

        assertThat(RevisionGuard.replaceIfNewer(collection, "gpt-oss-20b", 1, new Stored("gpt-oss-20b", 1, model)))
                .isEqualTo(Outcome.APPLIED);

        Stored stored = collection.find(Filters.eq("_id", "gpt-oss-20b")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.model()).isEqualTo(model);
        assertThat(stored.model().parametersBillions()).isEqualByComparingTo("20.5");
    }

    @Test
    void replacesWithANewerRevision() {
        RevisionGuard.replaceIfNewer(collection, "m", 1, new Stored("m", 1, Models.aModel("m")));

        Outcome outcome = RevisionGuard.replaceIfNewer(collection, "m", 2, new Stored("m", 2, Models.aModel("m")));

        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        assertThat(collection.find(Filters.eq("_id", "m")).first().revision()).isEqualTo(2);
    }

    @Test
    void skipsADuplicateAndAnOlderRevisionWithoutChangingTheStoredOne() {
        RevisionGuard.replaceIfNewer(collection, "m", 5, new Stored("m", 5, Models.aModel("m")));

        Outcome duplicate = RevisionGuard.replaceIfNewer(collection, "m", 5, new Stored("m", 5, Models.aModel("other")));
        Outcome older = RevisionGuard.replaceIfNewer(collection, "m", 3, new Stored("m", 3, Models.aModel("other")));

        assertThat(duplicate).isEqualTo(Outcome.STALE);
        assertThat(older).isEqualTo(Outcome.STALE);
        Stored stored = collection.find(Filters.eq("_id", "m")).first();
        assertThat(stored.revision()).isEqualTo(5);
        assertThat(stored.model().name()).isEqualTo("m");
        assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void aBulkWriteOfGuardedUpsertsNamesTheWritesThatFoundTheSameOrANewerRevision() {
        RevisionGuard.replaceIfNewer(collection, "a", 2, new Stored("a", 2, Models.aModel("a")));
        RevisionGuard.replaceIfNewer(collection, "b", 5, new Stored("b", 5, Models.aModel("b")));

        Set<Integer> stale = Set.of();
        try {
            collection.bulkWrite(List.of(
                    new ReplaceOneModel<>(RevisionGuard.olderThan("a", 3), new Stored("a", 3, Models.aModel("a")),
                            new ReplaceOptions().upsert(true)),
                    new ReplaceOneModel<>(RevisionGuard.olderThan("b", 4), new Stored("b", 4, Models.aModel("b")),
                            new ReplaceOptions().upsert(true)),
                    new ReplaceOneModel<>(RevisionGuard.olderThan("c", 1), new Stored("c", 1, Models.aModel("c")),
                            new ReplaceOptions().upsert(true))),
                    new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            stale = RevisionGuard.staleInBulk(e);
        }

        assertThat(stale).containsExactly(1);
        assertThat(collection.find(Filters.eq("_id", "a")).first().revision()).isEqualTo(3);
        assertThat(collection.find(Filters.eq("_id", "b")).first().revision()).as("kept").isEqualTo(5);
        assertThat(collection.find(Filters.eq("_id", "c")).first().revision()).isEqualTo(1);
    }
}
