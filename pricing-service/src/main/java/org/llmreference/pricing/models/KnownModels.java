package org.llmreference.pricing.models;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.platform.projection.RevisionGuard;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** pricing-service's projection of the catalog: the model ids it may price. */
@Component
public class KnownModels {

    static final String COLLECTION = "knownModels";

    private final MongoCollection<KnownModel> collection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition learnt = lock.newCondition();
    private long learnings;

    KnownModels(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION, KnownModel.class);
    }

    /** Records the model as of {@code revision}, unless a newer revision is already known. */
    public Outcome learn(ModelSnapshot model, long revision) {
        Outcome outcome = RevisionGuard.replaceIfNewer(collection, model.id(), revision,
                new KnownModel(model.id(), revision, model.name(), model.status()));
        if (outcome == Outcome.APPLIED) {
            lock.lock();
            try {
                learnings++;
                learnt.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return outcome;
    }

    /** How many models this instance has learnt so far: a mark for {@link #awaitLearningAfter}. */
    public long learnings() {
        lock.lock();
        try {
            return learnings;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until this instance learns a model after {@code mark} (answers at once if it did
     * already), or {@code timeout} passes. Models learnt by other instances wake nobody here: a
     * waiter looks again after the timeout anyway.
     */
    public void awaitLearningAfter(long mark, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (learnings == mark && nanos > 0) {
                nanos = learnt.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    public Optional<KnownModel> find(String modelId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", modelId)).first());
    }

    /** The known ones among these models, by id, in one query. */
    public Map<String, KnownModel> findAll(Collection<String> modelIds) {
        Map<String, KnownModel> found = new HashMap<>();
        for (KnownModel model : collection.find(Filters.in("_id", modelIds))) {
            found.put(model.id(), model);
        }
        return found;
    }
}
