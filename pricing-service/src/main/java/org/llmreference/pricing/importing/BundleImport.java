package org.llmreference.pricing.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.bundle.ImportReport;
import org.llmreference.importing.bundle.ImportReport.ImportRejection;
import org.llmreference.importing.bundle.ProviderEntry;
import org.llmreference.importing.bundle.RouteEntry;
import org.llmreference.platform.audit.AuditEntry;
import org.llmreference.platform.audit.AuditTrail;
import org.llmreference.platform.audit.FieldChange;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.pricing.PricingSettings;
import org.llmreference.pricing.models.KnownModel;
import org.llmreference.pricing.models.KnownModels;
import org.llmreference.pricing.providers.Provider;
import org.llmreference.pricing.providers.ProviderEditor;
import org.llmreference.pricing.providers.Providers;
import org.llmreference.pricing.routes.PriceList.RoutePut;
import org.llmreference.pricing.routes.PutOutcome;
import org.llmreference.pricing.routes.BulkRoutes;
import org.llmreference.pricing.routes.RouteAdmission;
import org.llmreference.pricing.routes.RouteInput;
import org.llmreference.pricing.routes.UpstreamRules;
import org.llmreference.pricing.routes.RouteRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports the {@code providers} and {@code routes} of a {@link CatalogBundle}: providers first
 * (like {@code PUT /api/providers/{id}}, with one read and one bulk write, and one pass over the
 * price lists for the names), then routes grouped by model (like a {@code PUT} of each route
 * without {@code If-Match}; bundles schedule nothing). Price lists are read a chunk of models at a
 * time with one query and written with one bulk write; a changed price list moves by one revision
 * and one event however many of its routes changed. Routes of models the catalog has not published
 * yet wait up to {@code waitForModels} for the projection to learn them (the catalog import usually
 * runs just before): they are applied as their models arrive, in rounds at most every
 * {@value #GATHER_MILLIS} ms (the consumer wakes the import; other instances' learning is seen by
 * looking again every {@value #POLL_MILLIS} ms); the rest are rejected one by one. Identical data
 * changes nothing. An import that changed something is one audit trail entry, with its counts.
 */
@Service
public class BundleImport {

    private static final Logger log = LoggerFactory.getLogger(BundleImport.class);
    private static final long POLL_MILLIS = 250;
    private static final Duration POLL = Duration.ofMillis(POLL_MILLIS);
    private static final long GATHER_MILLIS = 100;
    private static final int PROGRESS_EVERY = 500;

    private final ProviderEditor providerEditor;
    private final Providers providers;
    private final BulkRoutes bulkRoutes;
    private final KnownModels knownModels;
    private final Clock clock;
    private final AuditTrail audit;
    private final int chunkSize;

    BundleImport(ProviderEditor providerEditor, Providers providers, BulkRoutes bulkRoutes, KnownModels knownModels,
            Clock clock, AuditTrail audit, PricingSettings properties) {
        this.audit = audit;
        this.providerEditor = providerEditor;
        this.providers = providers;
        this.bulkRoutes = bulkRoutes;
        this.knownModels = knownModels;
        this.clock = clock;
        this.chunkSize = Math.max(1, properties.importChunkSize());
    }

    /** The audit trail's name for a bundle import. */
    public static final String ACTION_IMPORT = "bundle-import";

    private static FieldChange count(String what, int count) {
        return new FieldChange(what, null, count);
    }

    /** Runs the import; answers the {@code providers} and {@code routes} reports, in that order. */
    public List<ImportReport> run(CatalogBundle bundle, Duration waitForModels) {
        ImportReport providerReport = importProviders(bundle.providers());
        ImportReport routeReport = new RouteImport(bundle.routes(), waitForModels).run();
        log.info("Import of '{}': providers {}, routes {}", bundle.source(), summary(providerReport),
                summary(routeReport));
        if (providerReport.created() + providerReport.changed() + routeReport.created() + routeReport.changed() > 0) {
            // The import spans many documents: it is one entry of its own, with its counts.
            audit.record(AuditEntry.of(clock.instant(), audit.service(), ACTION_IMPORT, null, null,
                    List.of(count("providers.created", providerReport.created()),
                            count("providers.changed", providerReport.changed()),
                            count("routes.received", routeReport.received()), count("routes.created", routeReport.created()),
                            count("routes.changed", routeReport.changed()),
                            count("routes.unchanged", routeReport.unchanged()),
                            count("routes.rejected", routeReport.rejected().size())),
                    null));
        }
        return List.of(providerReport, routeReport);
    }

    /** Providers first: all checked, then stored with one read and one bulk write; rejections keep the bundle's order. */
    private ImportReport importProviders(List<ProviderEntry> entries) {
        Tally tally = new Tally();
        Set<String> seen = new HashSet<>();
        List<List<FieldViolation>> problems = new ArrayList<>();
        List<Provider> wanted = new ArrayList<>();
        for (ProviderEntry entry : entries) {
            List<FieldViolation> violations = ProviderEditor.violations(entry.id(), entry.name(), entry.url());
            if (violations.isEmpty() && !seen.add(entry.id())) {
                violations = List.of(new FieldViolation("id", "duplicate",
                        "appears more than once in the bundle; the first one was imported"));
            }
            problems.add(violations);
            if (violations.isEmpty()) {
                wanted.add(new Provider(entry.id(), entry.name(), entry.url(), 0));
            }
        }
        Iterator<Providers.Put> puts = wanted.isEmpty() ? Collections.emptyIterator()
                : providerEditor.putAll(wanted).iterator();
        for (int i = 0; i < entries.size(); i++) {
            if (!problems.get(i).isEmpty()) {
                tally.reject(entries.get(i).id(), problems.get(i));
                continue;
            }
            switch (puts.next().outcome()) {
                case CREATED -> tally.created++;
                case CHANGED -> tally.changed++;
                case UNCHANGED -> tally.unchanged++;
                default -> tally.reject(entries.get(i).id(), "id", "concurrent-change", "kept changing while imported; import again");
            }
        }
        return tally.report("providers", entries.size());
    }

    /** The routes half of one import. */
    private final class RouteImport {

        private final List<RouteEntry> entries;
        private final Duration waitForModels;
        private final Tally tally = new Tally();
        private int processed;

        RouteImport(List<RouteEntry> entries, Duration waitForModels) {
            this.entries = entries;
            this.waitForModels = waitForModels;
        }

        ImportReport run() {
            Instant now = clock.instant();
            Map<String, String> providerNames = new HashMap<>();
            for (Provider provider : providers.all()) {
                providerNames.put(provider.id(), provider.name());
            }
            Map<String, List<Accepted>> byModel = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (RouteEntry entry : entries) {
                String id = entry.modelId() + "/" + entry.providerId();
                List<FieldViolation> violations = new ArrayList<>(RouteRules.idViolations(entry.modelId(), entry.providerId()));
                RouteInput input = input(entry);
                violations.addAll(RouteRules.violations(input, now));
                violations.addAll(UpstreamRules.violations(entry.upstream()));
                if (!violations.isEmpty()) {
                    reject(id, violations);
                } else if (!seen.add(id)) {
                    reject(id, "providerId", "duplicate", "appears more than once in the bundle; the first one was imported");
                } else if (!providerNames.containsKey(entry.providerId())) {
                    reject(id, "providerId", "unknown-provider", "No provider '" + entry.providerId()
                            + "' is known; add it to the bundle's providers or create it first.");
                } else {
                    byModel.computeIfAbsent(entry.modelId(), m -> new ArrayList<>()).add(new Accepted(id,
                            new RoutePut(entry.providerId(), providerNames.get(entry.providerId()),
                                    input.toRoute().withUpstream(entry.upstream()))));
                }
            }
            Map<String, List<Accepted>> waiting = byModel;
            Instant deadline = clock.instant().plus(waitForModels);
            boolean announced = false;
            while (true) {
                long learnings = knownModels.learnings();
                long roundStarted = System.nanoTime();
                waiting = applyKnown(waiting);
                Duration left = Duration.between(clock.instant(), deadline);
                if (waiting.isEmpty() || left.isNegative() || left.isZero()) {
                    break;
                }
                if (!announced) {
                    log.info("Import waits up to {} s for the catalog to publish {} model(s)", waitForModels.toSeconds(),
                            waiting.size());
                    announced = true;
                }
                try {
                    knownModels.awaitLearningAfter(learnings, left.compareTo(POLL) < 0 ? left : POLL);
                    // Models arrive one event at a time: gather them for a round rather than query and write per model.
                    long gathered = (System.nanoTime() - roundStarted) / 1_000_000;
                    if (gathered < GATHER_MILLIS) {
                        Thread.sleep(Math.min(GATHER_MILLIS - gathered, Math.max(0, Duration.between(clock.instant(), deadline).toMillis())));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (Map.Entry<String, List<Accepted>> model : waiting.entrySet()) {
                FieldViolation unknown = RouteAdmission.problem(Optional.empty(), model.getKey()).orElseThrow();
                for (Accepted route : model.getValue()) {
                    reject(route.id(), List.of(unknown));
                }
            }
            return tally.report("routes", entries.size());
        }

        /** Applies the routes of the models known now, chunk by chunk; answers those still unknown. */
        private Map<String, List<Accepted>> applyKnown(Map<String, List<Accepted>> byModel) {
            Map<String, List<Accepted>> unknown = new LinkedHashMap<>();
            List<String> models = new ArrayList<>(byModel.keySet());
            for (int start = 0; start < models.size(); start += chunkSize) {
                List<String> chunkModels = models.subList(start, Math.min(models.size(), start + chunkSize));
                Map<String, KnownModel> known = knownModels.findAll(chunkModels);
                Map<String, List<RoutePut>> chunk = new LinkedHashMap<>();
                for (String modelId : chunkModels) {
                    KnownModel model = known.get(modelId);
                    if (model == null) {
                        unknown.put(modelId, byModel.get(modelId));
                        continue;
                    }
                    Optional<FieldViolation> problem = RouteAdmission.problem(Optional.of(model), modelId);
                    if (problem.isPresent()) {
                        for (Accepted route : byModel.get(modelId)) {
                            reject(route.id(), List.of(problem.get()));
                        }
                        continue;
                    }
                    chunk.put(modelId, byModel.get(modelId).stream().map(Accepted::route).toList());
                }
                if (!chunk.isEmpty()) {
                    Map<String, List<PutOutcome>> outcomes = bulkRoutes.putAll(chunk);
                    for (Map.Entry<String, List<PutOutcome>> model : outcomes.entrySet()) {
                        List<Accepted> routes = byModel.get(model.getKey());
                        for (int i = 0; i < routes.size(); i++) {
                            count(routes.get(i).id(), model.getValue().get(i));
                        }
                    }
                }
            }
            return unknown;
        }

        private void count(String id, PutOutcome outcome) {
            if (outcome == null) {
                reject(id, "modelId", "concurrent-change", "the price list kept changing while imported; import again");
                return;
            }
            switch (outcome) {
                case CREATED -> tally.created++;
                case CHANGED -> tally.changed++;
                default -> tally.unchanged++;
            }
            progress();
        }

        private void reject(String id, String field, String rule, String message) {
            reject(id, List.of(new FieldViolation(field, rule, message)));
        }

        private void reject(String id, List<FieldViolation> violations) {
            tally.reject(id, violations);
            progress();
        }

        private void progress() {
            processed++;
            if (processed % PROGRESS_EVERY == 0) {
                log.info("Import: {} of {} routes done ({} created, {} changed, {} unchanged, {} rejected)", processed,
                        entries.size(), tally.created, tally.changed, tally.unchanged, tally.rejected.size());
            }
        }
    }

    private record Accepted(String id, RoutePut route) {
    }

    private static RouteInput input(RouteEntry entry) {
        return RouteInput.of(entry.terms(), null);
    }

    private static String summary(ImportReport report) {
        return report.received() + " received, " + report.created() + " created, " + report.changed() + " changed, "
                + report.unchanged() + " unchanged, " + report.rejected().size() + " rejected";
    }

    /** Counts of one report. */
    private static final class Tally {
        int created;
        int changed;
        int unchanged;
        final List<ImportRejection> rejected = new ArrayList<>();

        void reject(String id, String field, String rule, String message) {
            rejected.add(new ImportRejection(id, field, rule, message));
        }

        void reject(String id, List<FieldViolation> violations) {
            FieldViolation first = violations.get(0);
            String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more: "
                    + violations.subList(1, violations.size()).stream().map(FieldViolation::field).toList() + ")" : "";
            rejected.add(new ImportRejection(id, first.field(), first.rule(), first.message() + more));
        }

        ImportReport report(String target, int received) {
            return new ImportReport(target, received, created, changed, unchanged, rejected);
        }
    }
}
