package org.llmreference.pricing.importing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.importing.bundle.HistoryBundle;
import org.llmreference.importing.bundle.HistoryBundle.Step;
import org.llmreference.importing.bundle.ImportReport;
import org.llmreference.importing.bundle.ImportReport.ImportRejection;
import org.llmreference.importing.bundle.RouteEntry;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.pricing.routes.HistoryEntry.Kind;
import org.llmreference.pricing.routes.PastStep;
import org.llmreference.pricing.routes.RouteHistory;
import org.llmreference.pricing.routes.RouteHistory.Recorded;
import org.llmreference.pricing.routes.RouteInput;
import org.llmreference.pricing.routes.UpstreamRules;
import org.llmreference.pricing.routes.RouteRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports the dated past of routes ({@link HistoryBundle}): every step is checked like a route of a
 * bundle import plus its date (not in the future), kind, commit id and path; the valid ones are
 * recorded per model by {@link RouteHistory}, which leaves the routes in force alone, skips steps
 * already recorded (same route and commit) and publishes each price list whose history grew once.
 * Steps of a model without a price list are rejected: import the routes first.
 */
@Service
public class HistoryImport {

    private static final Logger log = LoggerFactory.getLogger(HistoryImport.class);

    private final RouteHistory routeHistory;
    private final Clock clock;

    HistoryImport(RouteHistory routeHistory, Clock clock) {
        this.routeHistory = routeHistory;
        this.clock = clock;
    }

    public ImportReport run(HistoryBundle bundle) {
        Instant now = clock.instant();
        List<ImportRejection> rejected = new ArrayList<>();
        Map<String, List<PastStep>> byModel = new LinkedHashMap<>();
        Map<String, List<String>> idsByModel = new LinkedHashMap<>();
        for (Step step : bundle.steps()) {
            String id = id(step);
            List<FieldViolation> violations = violations(step, now);
            if (!violations.isEmpty()) {
                reject(rejected, id, violations);
                continue;
            }
            RouteEntry route = step.route();
            Kind kind = HistoryBundle.WITHDRAWN.equals(step.kind()) ? Kind.WITHDRAWN : Kind.APPLIED;
            byModel.computeIfAbsent(route.modelId(), m -> new ArrayList<>()).add(new PastStep(route.providerId(), kind,
                    RouteInput.of(route.terms(), null).toRoute(), step.at(), step.commit(), step.path()));
            idsByModel.computeIfAbsent(route.modelId(), m -> new ArrayList<>()).add(id);
        }
        int added = 0;
        int already = 0;
        int republished = 0;
        for (Map.Entry<String, Recorded> model : routeHistory.record(byModel).entrySet()) {
            Recorded recorded = model.getValue();
            List<String> ids = idsByModel.get(model.getKey());
            switch (recorded.outcome()) {
                case NO_PRICE_LIST -> ids.forEach(id -> rejected.add(new ImportRejection(id, "modelId", "no-price-list",
                        "Model '" + model.getKey() + "' has no routes here: import its routes before their history.")));
                case CONCURRENT_CHANGE -> ids.forEach(id -> rejected.add(new ImportRejection(id, "modelId",
                        "concurrent-change", "the price list kept changing while imported; import again")));
                case RECORDED -> {
                    added += recorded.added();
                    already += ids.size() - recorded.added();
                    republished += recorded.republished() ? 1 : 0;
                }
            }
        }
        log.info("History import of '{}': {} steps received, {} recorded, {} already recorded, {} rejected; "
                + "{} price lists republished", bundle.source(), bundle.steps().size(), added, already, rejected.size(),
                republished);
        return new ImportReport("history", bundle.steps().size(), added, 0, already, rejected);
    }

    private static String id(Step step) {
        RouteEntry route = step.route();
        return (route == null ? "?" : route.modelId() + "/" + route.providerId()) + "@" + step.commit();
    }

    private static List<FieldViolation> violations(Step step, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (step.at() == null) {
            violations.add(new FieldViolation("at", "required", "the date of the upstream commit is required"));
        } else if (step.at().isAfter(now)) {
            violations.add(new FieldViolation("at", "future", "a past step cannot be dated in the future: " + step.at()));
        }
        if (!HistoryBundle.APPLIED.equals(step.kind()) && !HistoryBundle.WITHDRAWN.equals(step.kind())) {
            violations.add(new FieldViolation("kind", "one-of", "must be 'applied' or 'withdrawn', was '" + step.kind() + "'"));
        }
        UpstreamRules.commit(violations, "commit", step.commit());
        UpstreamRules.text(violations, "path", step.path());
        if (step.route() == null) {
            violations.add(new FieldViolation("route", "required", "the route's model id, provider id and values are required"));
        } else {
            violations.addAll(RouteRules.idViolations(step.route().modelId(), step.route().providerId()));
            violations.addAll(RouteRules.violations(RouteInput.of(step.route().terms(), null), now));
        }
        return violations;
    }

    private static void reject(List<ImportRejection> rejected, String id, List<FieldViolation> violations) {
        FieldViolation first = violations.get(0);
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more: "
                + violations.subList(1, violations.size()).stream().map(FieldViolation::field).toList() + ")" : "";
        rejected.add(new ImportRejection(id, first.field(), first.rule(), first.message() + more));
    }
}
