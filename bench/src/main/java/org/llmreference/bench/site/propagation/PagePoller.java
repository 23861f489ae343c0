package org.llmreference.bench.site.propagation;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import org.llmreference.bench.site.BenchmarkFailure;
import org.llmreference.bench.site.NoAnswer;
import org.llmreference.bench.site.Site;

/**
 * Polls pages until each shows an edit. A few threads share the pages round robin: each takes the
 * page polled longest ago, waits until {@link #INTERVAL_NANOS} have passed since its last poll, and
 * asks page-service with {@code If-None-Match} (304 while unchanged, so a poll costs little). A 200
 * whose body holds the edit's marker is the page served with the new price: its time is taken when
 * that answer arrived. A 200 without the marker (another change) only moves the ETag on. No poll waits
 * beyond the deadline: a page whose answer does not come by then has timed out (last status 0).
 */
final class PagePoller implements AutoCloseable {

    static final long INTERVAL_NANOS = 5_000_000;

    private final Site site;
    private final int threads;
    private final ExecutorService pool;

    PagePoller(Site site, int threads) {
        this.site = site;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** A page being watched; only one poller holds it at a time. */
    static final class Watch {

        final String pairId;
        private String etag;
        private long lastPolled;
        private long servedAt;
        private int polls;
        private int lastStatus;

        Watch(String pairId, String etag) {
            this.pairId = pairId;
            this.etag = etag;
        }

        boolean served() {
            return servedAt != 0;
        }

        /** Nanoseconds from {@code t0} to the answer that showed the edit. */
        long servedAfter(long t0) {
            return servedAt - t0;
        }

        int polls() {
            return polls;
        }

        int lastStatus() {
            return lastStatus;
        }
    }

    /** Polls until every page holds {@code marker} or {@code deadline} (a nanoTime) passes; the watches say which. */
    void await(List<Watch> pages, String marker, long deadline) {
        ConcurrentLinkedQueue<Watch> queue = new ConcurrentLinkedQueue<>(pages);
        List<Callable<Void>> pollers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            pollers.add(() -> {
                poll(queue, marker, deadline);
                return null;
            });
        }
        try {
            for (Future<Void> poller : pool.invokeAll(pollers)) {
                poller.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new BenchmarkFailure("polling the pages failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailure("interrupted while polling the pages", e);
        }
    }

    private void poll(ConcurrentLinkedQueue<Watch> queue, String marker, long deadline) {
        for (Watch watch = queue.poll(); watch != null; watch = queue.poll()) {
            long wait = watch.lastPolled + INTERVAL_NANOS - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() > deadline) {
                continue;
            }
            watch.lastPolled = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = site.page(watch.pairId, watch.etag, Duration.ofNanos(Math.max(1_000_000, deadline - watch.lastPolled)));
            } catch (NoAnswer late) {
                watch.lastStatus = 0;
                continue;
            }
            long answeredAt = System.nanoTime();
            watch.polls++;
            watch.lastStatus = response.statusCode();
            if (response.statusCode() == 200) {
                if (response.body().contains(marker)) {
                    watch.servedAt = answeredAt;
                    continue;
                }
                watch.etag = response.headers().firstValue("ETag").orElse(null);
            }
            queue.add(watch);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
