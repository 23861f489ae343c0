package org.llmreference.importing.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ImportReport;
import org.llmreference.importing.bundle.ProviderEntry;
import org.llmreference.importing.bundle.RouteEntry;

/**
 * The requests to pricing-service, one after the other on a thread of their own, so the catalog's
 * next chunk goes out meanwhile: the providers with the first routes, then the routes as
 * {@link RoutePacking} packs them.
 */
final class PricingLane implements AutoCloseable {

    private final CatalogBundle bundle;
    private final int chunk;
    private final ImportClient client;
    private final ImportProgress progress;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread worker = new Thread(runnable, "pricing-upload");
        worker.setDaemon(true);
        return worker;
    });
    private final List<Future<?>> sent = new ArrayList<>();
    private boolean providersSent;

    PricingLane(CatalogBundle bundle, int chunk, ImportClient client, ImportProgress progress) {
        this.bundle = bundle;
        this.chunk = chunk;
        this.client = client;
        this.progress = progress;
    }

    /** Queues {@code routes} (a model's routes adjacent); throws the failure of an earlier request, if any. */
    void send(List<RouteEntry> routes, Duration waitForModels) throws UploadFailed {
        failFast();
        for (List<RouteEntry> request : RoutePacking.requests(routes, chunk)) {
            submit(request, waitForModels);
        }
        if (!providersSent && !bundle.providers().isEmpty() && routes.isEmpty()) {
            submit(List.of(), waitForModels);
        }
    }

    private void submit(List<RouteEntry> routes, Duration waitForModels) {
        List<ProviderEntry> providers = providersSent ? List.of() : bundle.providers();
        providersSent = true;
        CatalogBundle part = new CatalogBundle(bundle.source(), providers, List.of(), routes);
        sent.add(thread.submit(() -> {
            for (ImportReport report : client.sendToPricing(part, waitForModels)) {
                if ("providers".equals(report.target())) {
                    if (!providers.isEmpty()) {
                        progress.providers(report, bundle.providers().size());
                    }
                } else {
                    progress.routes(report, "routes".equals(report.target()) ? routes.size() : 0, bundle.routes().size());
                }
            }
            return null;
        }));
    }

    /** Stops at the first failed request rather than sending more. */
    private void failFast() throws UploadFailed {
        for (Future<?> future : sent) {
            if (future.isDone()) {
                await(future);
            }
        }
    }

    /** Waits for every request; throws the first failure. */
    void finish() throws UploadFailed {
        for (Future<?> future : sent) {
            await(future);
        }
    }

    private static void await(Future<?> future) throws UploadFailed {
        try {
            future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UploadFailed failed) {
                throw failed;
            }
            throw new UploadFailed("sending to pricing-service failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadFailed("interrupted while sending to pricing-service");
        }
    }

    /** Stops the lane's thread, abandoning what it has not sent. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
