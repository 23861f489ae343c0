package org.llmreference.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * How writers reach the relay's thread: a writer names an aggregate whose events wait, says it handed
 * events over, or asks for a sweep of the whole collection; the relay's thread waits for any of these
 * or for a timeout.
 */
final class WakeUps {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final Set<Object> wokenIds = ConcurrentHashMap.newKeySet();
    private boolean woken;
    private boolean sweepRequested;

    /** The events of the aggregate {@code aggregateId} wait to be published. */
    void aggregate(Object aggregateId) {
        wokenIds.add(aggregateId);
        signal(false);
    }

    /** Events were handed over. */
    void handedOver() {
        signal(false);
    }

    /** Everything stored should be swept now. */
    void sweep() {
        signal(true);
    }

    private void signal(boolean sweep) {
        lock.lock();
        try {
            woken = true;
            sweepRequested |= sweep;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The ids named since the last call. */
    List<Object> takeAggregateIds() {
        List<Object> ids = List.copyOf(wokenIds);
        wokenIds.removeAll(ids);
        return ids;
    }

    /**
     * Waits for a wake-up or the timeout, while {@code running}; answers whether the next round must
     * sweep everything (asked for, or nobody woke the relay in time).
     */
    boolean await(Duration timeout, BooleanSupplier running) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!woken && running.getAsBoolean() && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            boolean sweep = !woken || sweepRequested;
            woken = false;
            sweepRequested = false;
            return sweep;
        } finally {
            lock.unlock();
        }
    }
}
