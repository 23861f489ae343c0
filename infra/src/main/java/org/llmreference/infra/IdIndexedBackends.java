package org.llmreference.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import org.h2.mvstore.MVStore;

/**
 * The two mongo-java-server backends with what MongoDB has and they lack: the {@code hello}
 * command (answered like {@code isMaster}, for health checks) and {@link IdLookup} for queries that
 * pin an {@code _id} among other conditions.
 */
final class IdIndexedBackends {

    private IdIndexedBackends() {
    }

    static final class OnDisk extends H2Backend {

        /**
         * MVStore's read cache, in MB. Documents are stored Java-serialized: a read that misses the
         * cache deserializes the whole page. The default 16 MB holds a fraction of a full catalog's
         * comparisons and pages (profiled: 17% of the server's samples during a full rebuild went
         * to reading such pages back); this holds them.
         */
        static final int CACHE_MB = 160;

        OnDisk(String file) {
            super(new MVStore.Builder().fileName(file).cacheSize(CACHE_MB).open());
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String name) {
            return new Database(name, getMvStore(), getCursorRegistry());
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return WireMongoServer.isHello(command)
                    ? WireMongoServer.asHelloReply(super.handleCommand(channel, database, "isMaster", query))
                    : super.handleCommand(channel, database, command, query);
        }

        private static final class Database extends H2Database {

            Database(String name, MVStore store, CursorRegistry cursors) {
                super(name, store, cursors);
            }

            /** As H2Database opens a collection (its maps' names included), as an {@link Collection}. Called from the super constructor too, hence the fields read from the super classes. */
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                MVStore store = (MVStore) IdLookup.field(this, H2Database.class, "mvStore");
                CursorRegistry cursors = (CursorRegistry) IdLookup.field(this, AbstractMongoDatabase.class, "cursorRegistry");
                String namespace = getFullCollectionNamespace(collectionName);
                return new Collection(this, collectionName, options, store.openMap("databases." + namespace),
                        store.openMap("meta." + namespace), cursors);
            }
        }

        private static final class Collection extends H2Collection {

            Collection(MongoDatabase database, String name, CollectionOptions options,
                    org.h2.mvstore.MVMap<Object, Document> data, org.h2.mvstore.MVMap<String, Object> meta, CursorRegistry cursors) {
                super(database, name, options, data, meta, cursors);
            }

            @Override
            protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                    Document fieldSelector) {
                Iterable<Object> candidates = IdLookup.candidates(this, query);
                return candidates == null ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector)
                        : matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
            }
        }
    }

    static final class InMemory extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String name) {
            return new Database(name, getCursorRegistry());
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return WireMongoServer.isHello(command)
                    ? WireMongoServer.asHelloReply(super.handleCommand(channel, database, "isMaster", query))
                    : super.handleCommand(channel, database, command, query);
        }

        private static final class Database extends MemoryDatabase {

            Database(String name, CursorRegistry cursors) {
                super(name, cursors);
            }

            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                CursorRegistry cursors = (CursorRegistry) IdLookup.field(this, AbstractMongoDatabase.class, "cursorRegistry");
                return new Collection(this, collectionName, options, cursors);
            }
        }

        private static final class Collection extends MemoryCollection {

            Collection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
                super(database, name, options, cursors);
            }

            @Override
            protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                    Document fieldSelector) {
                Iterable<Integer> candidates = IdLookup.candidates(this, query);
                return candidates == null ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector)
                        : matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
            }
        }
    }
}
