package org.llmreference.importing.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.importing.bundle.HistoryBundle;
import org.llmreference.importing.bundle.HistoryBundle.Step;
import org.llmreference.importing.bundle.ImportReport;
import org.llmreference.importing.bundle.ImportReport.ImportRejection;

/**
 * Sends a {@link HistoryBundle} to pricing-service in parts of about {@link #STEPS_PER_REQUEST} steps,
 * all steps of a model in the same part (so each price list whose history grows is published once),
 * and adds up the reports.
 */
final class HistoryUpload {

    static final int STEPS_PER_REQUEST = 5_000;
    private static final int REJECTIONS_SHOWN = 20;

    private final ImportClient client;
    private final PrintStream out;

    HistoryUpload(ImportClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    ImportReport upload(HistoryBundle history) throws UploadFailed {
        int received = 0;
        int created = 0;
        int unchanged = 0;
        List<ImportRejection> rejected = new ArrayList<>();
        for (HistoryBundle part : parts(history, STEPS_PER_REQUEST)) {
            ImportReport report = client.sendHistory(part);
            received += report.received();
            created += report.created();
            unchanged += report.unchanged();
            rejected.addAll(report.rejected());
            out.printf("history: %d of %d steps sent (%d recorded, %d already recorded, %d rejected)%n", received,
                    history.steps().size(), created, unchanged, rejected.size());
        }
        rejected.stream().limit(REJECTIONS_SHOWN).forEach(r -> out.printf("  rejected %s: %s (%s) %s%n", r.id(), r.field(),
                r.rule(), r.message()));
        if (rejected.size() > REJECTIONS_SHOWN) {
            out.printf("  ... and %d more rejected%n", rejected.size() - REJECTIONS_SHOWN);
        }
        return new ImportReport("history", received, created, 0, unchanged, rejected);
    }

    /** The steps grouped by model, in parts of at most {@code size} steps unless one model has more. */
    static List<HistoryBundle> parts(HistoryBundle history, int size) {
        Map<String, List<Step>> byModel = new LinkedHashMap<>();
        history.steps().forEach(step -> byModel.computeIfAbsent(step.route().modelId(), m -> new ArrayList<>()).add(step));
        List<HistoryBundle> parts = new ArrayList<>();
        List<Step> part = new ArrayList<>();
        for (List<Step> steps : byModel.values()) {
            if (!part.isEmpty() && part.size() + steps.size() > size) {
                parts.add(new HistoryBundle(history.source(), part));
                part = new ArrayList<>();
            }
            part.addAll(steps);
        }
        if (!part.isEmpty()) {
            parts.add(new HistoryBundle(history.source(), part));
        }
        return parts;
    }
}
