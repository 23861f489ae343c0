package org.llmreference.infra;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;

/**
 * mongo-java-server answers a query from an index only when the query names exactly the index's
 * fields. A guarded write such as {@code {_id: "m", revision: {$lt: 7}}} therefore scanned the whole
 * collection, on every write. Every hot write of the services is guarded so (optimistic concurrency,
 * revision-guarded projections), which made a catalog of a thousand models crawl. When a query has
 * an equality on {@code _id} among other conditions, this finds the one candidate through the
 * {@code _id} index; the whole query is still matched against it, so the result is the same.
 */
final class IdLookup {

    private IdLookup() {
    }

    /** The positions of the documents that can match, or null when the query does not pin an {@code _id}. */
    static <P> Iterable<P> candidates(MongoCollection<P> collection, Map<String, Object> query) {
        Object id = pinnedId(query);
        if (id == null || query.size() == 1 && query.containsKey("_id")) {
            return null; // nothing pinned, or exactly {_id: x}, which the library answers from its index itself
        }
        for (Index<P> index : collection.getIndexes()) {
            List<IndexKey> keys = index.getKeys();
            if (keys.size() == 1 && keys.get(0).getKey().equals("_id")) {
                return index.getPositions(new de.bwaldvogel.mongo.bson.Document("_id", id));
            }
        }
        return null;
    }

    /** The _id a query requires by equality, at its top level or in a top-level {@code $and} (as the Java driver writes {@code Filters.and}). */
    private static Object pinnedId(Map<String, Object> query) {
        Object id = query.get("_id");
        if (isPlainValue(id)) {
            return id;
        }
        if (query.get("$and") instanceof Collection<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Map<?, ?> map && isPlainValue(map.get("_id"))) {
                    return map.get("_id");
                }
            }
        }
        return null;
    }

    private static boolean isPlainValue(Object id) {
        return id != null && !(id instanceof Map) && !(id instanceof Collection) && !BsonRegularExpression.isRegularExpression(id);
    }

    /** Reads a private field of a library class, for the subclasses that must reuse what it opened. */
    static Object field(Object owner, Class<?> declaringClass, String name) {
        try {
            Field field = declaringClass.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("mongo-java-server changed: no field " + declaringClass.getSimpleName() + "." + name, e);
        }
    }
}
