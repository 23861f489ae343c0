package org.llmreference.platform.projection;

import java.util.HashSet;
import java.util.Set;

import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Revision-guarded writes for projections built from events: a snapshot replaces the stored one
 * only if its revision is newer, so duplicates, replays and reordered events change nothing. One
 * single-document operation, no transaction.
 */
public final class RevisionGuard {

    /** What happened to a snapshot offered to a projection. */
    public enum Outcome {
        /** stored: it was new, or newer than what was stored */
        APPLIED,
        /** skipped: the stored revision is the same or newer */
        STALE
    }

    private RevisionGuard() {
    }

    /**
     * Stores {@code snapshot} under {@code id} unless the stored document has a {@code revision} of
     * at least {@code revision}. The snapshot's own {@code _id} and {@code revision} fields must match.
     */
    public static <T> Outcome replaceIfNewer(MongoCollection<T> collection, String id, long revision, T snapshot) {
        try {
            collection.replaceOne(olderThan(id, revision), snapshot, new ReplaceOptions().upsert(true));
            return Outcome.APPLIED;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                // A document with this id exists with the same or a newer revision: the upsert tried to insert a second one.
                return Outcome.STALE;
            }
            throw e;
        }
    }

    /** The document {@code id} if its {@code revision} is older than {@code revision}: the filter of a guarded write. */
    public static Bson olderThan(String id, long revision) {
        return Filters.and(Filters.eq("_id", id), Filters.lt("revision", revision));
    }

    /**
     * The writes, by their index, of an unordered bulk write of guarded upserts ({@link #olderThan})
     * that found their document stored at the same or a newer revision: each such upsert tried to insert
     * a second document with the id. Throws {@code e} itself when any write failed otherwise.
     */
    public static Set<Integer> staleInBulk(MongoBulkWriteException e) {
        if (e.getWriteConcernError() != null) {
            throw e;
        }
        Set<Integer> stale = new HashSet<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            stale.add(error.getIndex());
        }
        return stale;
    }
}
