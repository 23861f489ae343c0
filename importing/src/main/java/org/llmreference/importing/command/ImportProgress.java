package org.llmreference.importing.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.llmreference.importing.bundle.ImportReport;
import org.llmreference.importing.bundle.ImportReport.ImportRejection;

/**
 * What the chunks of an upload did, as they come back from the catalog's thread and the pricing
 * requests' own: one line per report, running totals, and the first {@value #REJECTIONS_SHOWN}
 * rejections, printed at the end. Safe to call from several threads.
 */
final class ImportProgress {

    private static final int REJECTIONS_SHOWN = 20;

    /** Counts over all chunks. */
    record Totals(int received, int created, int changed, int unchanged, int rejected) {

        Totals plus(ImportReport report) {
            return new Totals(received + report.received(), created + report.created(), changed + report.changed(),
                    unchanged + report.unchanged(), rejected + report.rejected().size());
        }

        @Override
        public String toString() {
            return received + " received, " + created + " created, " + changed + " changed, " + unchanged
                    + " unchanged, " + rejected + " rejected";
        }
    }

    private final PrintStream out;
    private final List<ImportRejection> rejections = new ArrayList<>();
    private int rejectedCount;
    private Totals totals = new Totals(0, 0, 0, 0, 0);
    private int routesSent;

    ImportProgress(PrintStream out) {
        this.out = out;
    }

    /** The catalog took the models up to {@code upTo} of {@code total}. */
    synchronized void models(ImportReport report, int upTo, int total) {
        record(report, "models " + upTo + "/" + total);
    }

    /** Pricing took the bundle's {@code total} providers. */
    synchronized void providers(ImportReport report, int total) {
        record(report, "providers " + total + "/" + total);
    }

    /** Pricing took a request of {@code routes} routes, of {@code total}. */
    synchronized void routes(ImportReport report, int routes, int total) {
        routesSent += routes;
        record(report, "routes " + routesSent + "/" + total);
    }

    /** comparison-service curated {@code pair}. */
    synchronized void curated(String pair) {
        out.println("pair " + pair + ": curated");
    }

    /** Prints the rejections kept, if any, and answers the totals. */
    synchronized Totals finish() {
        if (rejectedCount > 0) {
            out.println(rejectedCount + " rejected" + (rejectedCount > REJECTIONS_SHOWN ? " (first " + REJECTIONS_SHOWN + " shown)" : "") + ":");
            rejections.forEach(r -> out.printf("  %s  %s  %s: %s%n", r.id(), r.field(), r.rule(), r.message()));
        }
        return totals;
    }

    private void record(ImportReport report, String progress) {
        totals = totals.plus(report);
        out.printf("%s: created %d, changed %d, unchanged %d, rejected %d%n", progress, report.created(),
                report.changed(), report.unchanged(), report.rejected().size());
        rejectedCount += report.rejected().size();
        for (ImportRejection rejection : report.rejected()) {
            if (rejections.size() < REJECTIONS_SHOWN) {
                rejections.add(rejection);
            }
        }
    }
}
