package org.llmreference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.codecs.pojo.annotations.BsonId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.platform.projection.RevisionGuard;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.llmreference.testsupport.Models;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

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
}
