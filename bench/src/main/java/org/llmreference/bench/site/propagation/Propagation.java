package org.llmreference.bench.site.propagation;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.bench.site.BenchmarkFailure;
import org.llmreference.bench.site.LivePair;
import org.llmreference.bench.site.NoAnswer;
import org.llmreference.bench.site.Site;

/**
 * B1: single price edits, one after another, each timed until the last page of its model serves the
 * new price. Before each edit it reads the model's price list and its live pairs, and fetches each
 * page once (its ETag, and a check that the new price is not on it yet); then the clock starts, the PUT
 * goes out (If-Match the revision read), and the pages are polled until each shows the new price. An
 * edit whose preparation or PUT gets no answer in time counts as a timeout; after
 * {@link #CONSECUTIVE_TIMEOUTS_TO_STOP} timeouts in a row B1 stops, since pages are evidently not updating.
 */
public final class Propagation {

    static final Map<String, String> PRICE_EDIT_SOURCE = Map.of("source", "pricing.RouteChanged.v1");
    static final String PROPAGATION_METRIC = "llmref_propagation_seconds";
    /** After this many edits in a row with a page that never showed them, the pages are not updating: B1 stops. */
    static final int CONSECUTIVE_TIMEOUTS_TO_STOP = 5;

    private final Site site;
    private final int edits;
    private final long seed;
    private final Duration timeout;
    private final int pollers;
    private final Path csv;

    public Propagation(Site site, int edits, long seed, Duration timeout, int pollers, Path csv) {
        if (edits > RouteEdit.MAX_EDITS) {
            throw new BenchmarkFailure("at most " + RouteEdit.MAX_EDITS + " edits, not " + edits);
        }
        this.site = site;
        this.edits = edits;
        this.seed = seed;
        this.timeout = timeout;
        this.pollers = pollers;
        this.csv = csv;
    }

    public PropagationResult run() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Integer> pagesPerModel = new HashMap<>();
        for (LivePair pair : site.livePairs()) {
            pagesPerModel.merge(pair.modelA(), 1, Integer::sum);
            pagesPerModel.merge(pair.modelB(), 1, Integer::sum);
        }
        List<EditPlanner.PlannedEdit> plan = EditPlanner.plan(pagesPerModel, edits, seed,
                model -> RouteEdit.of(site.priceList(model), 1, today).isPresent());
        System.out.printf("[B1] %d edits planned over %d models with pages%n", plan.size(), pagesPerModel.size());
        PrometheusHistogram before = serviceHistogram();
        List<EditResult> results = new ArrayList<>();
        int consecutiveTimeouts = 0;
        try (PagePoller poller = new PagePoller(site, pollers)) {
            for (int i = 0; i < plan.size() && consecutiveTimeouts < CONSECUTIVE_TIMEOUTS_TO_STOP; i++) {
                EditResult result;
                try {
                    result = edit(i + 1, plan.get(i), poller, today);
                } catch (NoAnswer busy) {
                    result = EditResult.unanswered(i + 1, plan.get(i), busy.getMessage());
                }
                results.add(result);
                consecutiveTimeouts = result.timedOut() ? consecutiveTimeouts + 1 : 0;
                if ((i + 1) % 20 == 0 || result.timedOut()) {
                    System.out.printf("[B1] edit %d/%d: %s, %d pages, %s%n", i + 1, plan.size(), result.planned().modelId(),
                            result.pages(), result.timedOut()
                                    ? "TIMEOUT on " + result.timedOutPages().size() + " pages, e.g. " + result.timedOutPages().get(0)
                                    : String.format(java.util.Locale.ROOT, "%.1f ms", result.millis()));
                }
            }
        }
        PrometheusHistogram delta = serviceHistogram().minus(before);
        writeCsv(results);
        boolean stoppedEarly = results.size() < plan.size();
        if (stoppedEarly) {
            System.out.printf("[B1] stopped after %d edits: %d in a row timed out%n", results.size(), CONSECUTIVE_TIMEOUTS_TO_STOP);
        }
        return new PropagationResult(results, plan.size(), delta, timeout, pollers, seed);
    }

    private EditResult edit(int number, EditPlanner.PlannedEdit planned, PagePoller poller, LocalDate today) {
        RouteEdit edit = RouteEdit.of(site.priceList(planned.modelId()), number, today)
                .orElseThrow(() -> new BenchmarkFailure("model " + planned.modelId() + " has no route that can be made the cheapest any more"));
        List<PagePoller.Watch> pages = new ArrayList<>();
        for (LivePair pair : site.pairsOf(planned.modelId())) {
            HttpResponse<String> page = site.page(pair.pairId(), null);
            if (page.statusCode() == 200 && page.body().contains(edit.marker())) {
                throw new BenchmarkFailure("page " + pair.pairId() + " already shows " + edit.marker() + " before edit " + number);
            }
            pages.add(new PagePoller.Watch(pair.pairId(), page.headers().firstValue("ETag").orElse(null)));
        }

        long t0 = System.nanoTime();
        HttpResponse<String> put = site.putRoute(edit.modelId(), edit.providerId(), edit.body(), edit.revision());
        double putMillis = (System.nanoTime() - t0) / 1e6;
        String newRevision = put.headers().firstValue("ETag").orElse("");
        if (put.statusCode() != 200 || newRevision.equals("\"" + edit.revision() + "\"")) {
            throw new BenchmarkFailure("edit " + number + " (" + edit.modelId() + "/" + edit.providerId()
                    + ") was not applied: " + put.statusCode() + " ETag " + newRevision + " " + put.body());
        }
        poller.await(pages, edit.marker(), t0 + timeout.toNanos());

        long slowest = 0;
        int polls = 0;
        List<String> timedOut = new ArrayList<>();
        for (PagePoller.Watch page : pages) {
            polls += page.polls();
            if (page.served()) {
                slowest = Math.max(slowest, page.servedAfter(t0));
            } else {
                timedOut.add(page.pairId + (page.lastStatus() == 0 ? " (no answer in time)" : " (last answered " + page.lastStatus() + ")"));
            }
        }
        double millis = timedOut.isEmpty() ? slowest / 1e6 : Double.POSITIVE_INFINITY;
        return new EditResult(number, planned, edit.providerId(), pages.size(), millis, putMillis, polls, timedOut);
    }

    private PrometheusHistogram serviceHistogram() {
        return PrometheusHistogram.parse(site.prometheus(site.urls().page()), PROPAGATION_METRIC, PRICE_EDIT_SOURCE);
    }

    private void writeCsv(List<EditResult> results) {
        List<String> lines = new ArrayList<>();
        lines.add(EditResult.CSV_HEADER);
        results.forEach(result -> lines.add(result.csvLine()));
        try {
            Files.write(csv, lines);
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot write " + csv + ": " + e.getMessage(), e);
        }
    }
}
