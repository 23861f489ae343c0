package org.llmreference.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.function.IntFunction;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

class WireMongoServerTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsDocumentsOnDiskAcrossARestartIncludingExactDecimals() {
        Path file = dataDir.resolve("mongo").resolve("test.mv.db");
        int port;
        try (WireMongoServer server = WireMongoServer.onDisk(file, 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            port = server.port();
            assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + port);
            client.getDatabase("catalog").getCollection("models")
                    .insertOne(new Document("_id", "gpt-oss-20b").append("price", new Decimal128(new BigDecimal("0.030"))));
        }
        assertThat(file).isRegularFile();

        try (WireMongoServer server = WireMongoServer.onDisk(file, port);
                MongoClient client = MongoClients.create(server.connectionString())) {
            Document stored = client.getDatabase("catalog").getCollection("models").find().first();

            assertThat(stored).isNotNull();
            assertThat(stored.getString("_id")).isEqualTo("gpt-oss-20b");
            assertThat(stored.get("price", Decimal128.class).bigDecimalValue()).isEqualTo(new BigDecimal("0.030"));
        }
    }

    @Test
    void theMemoryBackendAnswersHelloLikeAWritablePrimary() {
        assertAnswersHello(WireMongoServer::inMemory);
    }

    @Test
    void theDiskBackendAnswersHelloLikeAWritablePrimary() {
        assertAnswersHello(port -> WireMongoServer.onDisk(dataDir.resolve("hello.mv.db"), port));
    }

    @Test
    void uniqueKeysRejectDuplicatesSoRevisionGuardsWork() {
        try (WireMongoServer server = WireMongoServer.inMemory(0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("t").getCollection("c");
            collection.insertOne(new Document("_id", "a").append("revision", 2));

            assertThat(catchThrowable(() -> collection.insertOne(new Document("_id", "a").append("revision", 3))))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000");
        }
    }

    @Test
    void aGuardedWriteOnDiskMatchesOnlyWhatTheWholeQueryMatchesAndSurvivesARestart() {
        Path file = dataDir.resolve("guarded.mv.db");
        int port;
        try (WireMongoServer server = WireMongoServer.onDisk(file, 0)) {
            port = server.port();
            assertGuardedWritesFollowTheWholeQuery(server);
        }
        try (WireMongoServer server = WireMongoServer.onDisk(file, port);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> pages = client.getDatabase("page").getCollection("pages");
            assertThat(pages.find(new Document("_id", "a-vs-b").append("revision", 3)).first()).isNotNull();
            assertThat(pages.updateOne(new Document("_id", "a-vs-b").append("revision", new Document("$lt", 4)),
                    new Document("$set", new Document("revision", 4))).getModifiedCount()).isEqualTo(1);
        }
    }

    @Test
    void aGuardedWriteInMemoryMatchesOnlyWhatTheWholeQueryMatches() {
        try (WireMongoServer server = WireMongoServer.inMemory(0)) {
            assertGuardedWritesFollowTheWholeQuery(server);
        }
    }

    /** A query pinning an _id among other conditions is looked up by _id, and the other conditions still hold. */
    private static void assertGuardedWritesFollowTheWholeQuery(WireMongoServer server) {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> pages = client.getDatabase("page").getCollection("pages");
            for (int i = 0; i < 50; i++) {
                pages.insertOne(new Document("_id", "p" + i).append("revision", 1));
            }
            pages.insertOne(new Document("_id", "a-vs-b").append("revision", 2).append("live", true));

            Document stale = new Document("_id", "a-vs-b").append("revision", new Document("$lt", 2));
            assertThat(pages.updateOne(stale, new Document("$set", new Document("html", "old"))).getMatchedCount()).isZero();
            Throwable duplicate = catchThrowable(() -> pages.updateOne(stale, new Document("$set", new Document("html", "old")),
                    new com.mongodb.client.model.UpdateOptions().upsert(true)));
            assertThat(duplicate).isInstanceOf(MongoWriteException.class);
            assertThat(((MongoWriteException) duplicate).getCode()).isEqualTo(11000);

            Document newer = new Document("_id", "a-vs-b").append("revision", new Document("$lt", 3));
            assertThat(pages.updateOne(newer, new Document("$set", new Document("revision", 3))).getModifiedCount()).isEqualTo(1);
            assertThat(pages.find(new Document("_id", "a-vs-b").append("live", false)).first()).isNull();
            assertThat(pages.find(new Document("_id", "a-vs-b").append("live", true)).first().getInteger("revision")).isEqualTo(3);
            assertThat(pages.find(new Document("_id", "nope").append("live", true)).first()).isNull();
            assertThat(pages.countDocuments(new Document("_id", "p7").append("revision", 1))).isEqualTo(1);
            assertThat(pages.countDocuments(new Document("_id", new Document("$in", java.util.List.of("p1", "p2"))).append("revision", 1)))
                    .isEqualTo(2);
            assertThat(pages.countDocuments(com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("_id", "a-vs-b"),
                    com.mongodb.client.model.Filters.lt("revision", 4)))).isEqualTo(1);
            assertThat(pages.countDocuments(com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("_id", "a-vs-b"),
                    com.mongodb.client.model.Filters.lt("revision", 3)))).isZero();
            assertThat(pages.deleteOne(new Document("_id", "p9").append("revision", 2)).getDeletedCount()).isZero();
            assertThat(pages.deleteOne(new Document("_id", "p9").append("revision", 1)).getDeletedCount()).isEqualTo(1);
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        WireMongoServer server = WireMongoServer.onDisk(dataDir.resolve("twice.mv.db"), 0);

        server.close();
        server.close();
    }

    private static void assertAnswersHello(IntFunction<WireMongoServer> start) {
        try (WireMongoServer server = start.apply(0); MongoClient client = MongoClients.create(server.connectionString())) {
            for (String database : new String[] {"admin", "catalog"}) {
                Document reply = client.getDatabase(database).runCommand(new Document("hello", 1));

                assertThat(reply.get("ok", Number.class).doubleValue()).as(database).isEqualTo(1.0);
                assertThat(reply.getBoolean("isWritablePrimary")).as(database).isTrue();
                assertThat(reply.get("maxWireVersion", Number.class).intValue()).as(database).isPositive();
            }
        }
    }
}
