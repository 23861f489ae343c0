package org.llmreference.pricing.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Applies scheduled changes when their time comes. It keeps one timer, for the soonest pending
 * change; it learns that change from MongoDB at start and again every {@code rescanInterval}
 * (another instance, or an older run, may have scheduled or applied changes), and from this
 * instance's own new schedules at once. Applying is a revision-guarded write, so two instances
 * cannot apply one change twice; a cancelled change is simply not found.
 */
public class ScheduledChangeTimer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledChangeTimer.class);

    private final ScheduledChanges scheduledChanges;
    private final PriceLists priceLists;
    private final Clock clock;
    private final Duration rescanInterval;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> timer;
    private Instant timerDue;
    private volatile boolean running;

    public ScheduledChangeTimer(ScheduledChanges scheduledChanges, PriceLists priceLists, Clock clock, Duration rescanInterval) {
        this.scheduledChanges = scheduledChanges;
        this.priceLists = priceLists;
        this.clock = clock;
        this.rescanInterval = rescanInterval;
    }

    /** When the timer goes off next, if a change is pending. */
    public synchronized Instant nextDue() {
        return timerDue;
    }

    @EventListener
    void onChangeScheduled(ChangeScheduled scheduled) {
        planFor(scheduled.effectiveFrom());
    }

    /** Reads the soonest pending change from MongoDB and sets the timer for it. */
    void rescan() {
        try {
            List<PriceLists.Due> pending = priceLists.scheduledChanges();
            if (!pending.isEmpty()) {
                planFor(pending.get(0).change().effectiveFrom());
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the scheduled price changes: {}", e.toString());
        }
    }

    private synchronized void planFor(Instant due) {
        if (!running || executor == null) {
            return;
        }
        if (timer != null && !timer.isDone() && timerDue != null && !due.isBefore(timerDue)) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        timerDue = due;
        timer = executor.schedule(this::applyDue, delay, TimeUnit.MILLISECONDS);
    }

    private void applyDue() {
        synchronized (this) {
            timer = null;
            timerDue = null;
        }
        try {
            scheduledChanges.applyDue();
        } catch (RuntimeException e) {
            log.warn("Applying scheduled price changes failed; retrying on the next scan: {}", e.toString());
        }
        rescan();
    }

    @Override
    public synchronized void start() {
        running = true;
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "scheduled-price-changes");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::rescan, 0, rescanInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            running = false;
            stopping = executor;
            executor = null;
            timer = null;
            timerDue = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
