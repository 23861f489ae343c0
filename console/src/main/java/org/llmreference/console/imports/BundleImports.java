package org.llmreference.console.imports;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.llmreference.console.services.Refusal;
import org.llmreference.console.services.Service;
import org.llmreference.console.services.ServiceApi;
import org.llmreference.console.services.Unreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bundle imports started in the console, held in memory while they run (the console keeps no data):
 * an uploaded bundle is first compared with what the services publish now, through their public
 * APIs (the import endpoints have no dry run), then applied on request the way the import command does
 * it: an import run ({@code POST /api/imports}), the models in chunks to catalog-service, the providers
 * and routes to pricing-service, the curated pairs to comparison-service, each with the editor's token.
 * Work happens on one background thread, one bundle at a time; a bundle is held at most until it is
 * applied or replaced by the same editor's next upload.
 */
@Component
class BundleImports implements DisposableBean {

    static final int CHUNK = 500;
    static final Duration WAIT_FOR_MODELS = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(3);
    private static final int MAX_REJECTIONS_SHOWN = 50;
    private static final int MODELS_PAGE = 200;
    private static final List<String> PROVIDER_FIELDS = List.of("name", "url");
    private static final List<String> ROUTE_FIELDS = List.of("inputPricePerMTok", "outputPricePerMTok",
            "cachedInputPricePerMTok", "cacheWritePricePerMTok", "batchInputPricePerMTok", "batchOutputPricePerMTok",
            "contextTiers", "contextWindow", "region", "status", "sourceUrl", "verifiedAt");
    private static final Logger log = LoggerFactory.getLogger(BundleImports.class);

    private final ServiceApi api;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bundle-import");
        thread.setDaemon(true);
        return thread;
    });

    BundleImports(ServiceApi api) {
        this.api = api;
    }

    /** Holds {@code bundle} for {@code owner}, replacing their earlier one not yet applied, and starts its preview. */
    String upload(String owner, String token, String fileName, BundleFile bundle) {
        jobs.values().removeIf(job -> job.owner.equals(owner) && !job.state.equals("applying"));
        Job job = new Job(UUID.randomUUID().toString(), owner, fileName, bundle);
        jobs.put(job.id, job);
        worker.execute(() -> preview(job, token));
        return job.id;
    }

    /** The import {@code id} of {@code owner}; another editor's import is not theirs to see. */
    Optional<ImportView> find(String id, String owner, String token) {
        Job job = jobs.get(id);
        if (job == null || !job.owner.equals(owner)) {
            return Optional.empty();
        }
        return Optional.of(job.view(progress(job, token)));
    }

    /** Starts applying a previewed bundle; false when it is not (or no longer) waiting to be applied. */
    boolean apply(String id, String owner, String token) {
        Job job = jobs.get(id);
        if (job == null || !job.owner.equals(owner)) {
            return false;
        }
        synchronized (job) {
            if (!job.state.equals("previewed")) {
                return false;
            }
            job.state = "applying";
            job.phase = "waiting for the import before it to finish";
        }
        worker.execute(() -> applyNow(job, token));
        return true;
    }

    private void preview(Job job, String token) {
        try {
            BundleFile bundle = job.bundle;
            List<ImportView.Count> counts = new ArrayList<>();
            Map<String, JsonNode> models = new HashMap<>();
            for (int page = 0;; page++) {
                JsonNode answer = api.get(Service.CATALOG, "api/models?size=" + MODELS_PAGE + "&page=" + page, token).body();
                answer.path("items").forEach(model -> models.put(model.path("id").asString(), model));
                if ((long) (page + 1) * MODELS_PAGE >= answer.path("total").asLong(0) || answer.path("items").isEmpty()) {
                    break;
                }
            }
            counts.add(count("models", bundle.models, model -> models.get(model.path("id").asString()), null));
            Map<String, JsonNode> providers = new HashMap<>();
            api.get(Service.PRICING, "api/providers", token).body()
                    .forEach(provider -> providers.put(provider.path("id").asString(), provider));
            counts.add(count("providers", bundle.providers, p -> providers.get(p.path("id").asString()), PROVIDER_FIELDS));
            Map<String, Map<String, JsonNode>> priceLists = new HashMap<>();
            for (ObjectNode route : bundle.routes) {
                String model = route.path("modelId").asString();
                if (!priceLists.containsKey(model)) {
                    job.phase = "reading the price list of " + model;
                    priceLists.put(model, priceList(model, token));
                }
            }
            counts.add(count("routes", bundle.routes,
                    route -> priceLists.get(route.path("modelId").asString()).get(route.path("providerId").asString()),
                    ROUTE_FIELDS));
            Set<String> curated = new HashSet<>();
            for (int page = 0;; page++) {
                JsonNode answer = api.get(Service.COMPARISON, "api/pairs?curated=true&size=1000&page=" + page, token).body();
                answer.path("items").forEach(pair -> curated.add(pair.path("pairId").asString()));
                if ((long) (page + 1) * 1000 >= answer.path("total").asLong(0) || answer.path("items").isEmpty()) {
                    break;
                }
            }
            int known = (int) bundle.pairs.stream().map(BundleImports::canonical).filter(curated::contains).count();
            counts.add(new ImportView.Count("curated pairs", bundle.pairs.size(), bundle.pairs.size() - known, 0, known));
            job.preview = List.copyOf(counts);
            job.phase = null;
            job.state = "previewed";
        } catch (Refusal | Unreachable e) {
            job.fail("The preview could not be computed: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("Preview of import {} failed", job.id, e);
            job.fail("The preview could not be computed: " + e);
        }
    }

    private Map<String, JsonNode> priceList(String model, String token) {
        Map<String, JsonNode> routes = new HashMap<>();
        try {
            api.get(Service.PRICING, "api/models/" + ServiceApi.encode(model) + "/routes", token).body().path("routes")
                    .forEach(route -> routes.put(route.path("providerId").asString(), route));
        } catch (Refusal refusal) {
            if (refusal.status() != 404 && refusal.status() != 400) {
                throw refusal;
            }
        }
        return routes;
    }

    private void applyNow(Job job, String token) {
        BundleFile bundle = job.bundle;
        try {
            JsonNode run = api.sendWithin(Service.CATALOG, "POST", "api/imports", token, runBody(bundle), CALL_TIMEOUT)
                    .body();
            job.importId = run.path("importId").asString(null);
            job.expected = bundle.models.size();
            for (int from = 0; from < bundle.models.size(); from += CHUNK) {
                int to = Math.min(bundle.models.size(), from + CHUNK);
                job.phase = "sending models " + (from + 1) + " to " + to + " of " + bundle.models.size() + " to catalog-service";
                JsonNode report = api.sendWithin(Service.CATALOG, "POST",
                        "api/import?importId=" + ServiceApi.encode(job.importId), token,
                        bundle.part(bundle.models.subList(from, to), List.of(), List.of()), CALL_TIMEOUT).body();
                job.add(report);
            }
            List<List<ObjectNode>> routeChunks = routeChunks(bundle.routes);
            if (!bundle.providers.isEmpty() && routeChunks.isEmpty()) {
                routeChunks.add(List.of());
            }
            for (int i = 0; i < routeChunks.size(); i++) {
                job.phase = "sending " + (i == 0 ? "providers and " : "") + "routes, part " + (i + 1) + " of "
                        + routeChunks.size() + ", to pricing-service (it waits for the models to reach it)";
                JsonNode reports = api.sendWithin(Service.PRICING, "POST",
                        "api/import?waitForModelsSeconds=" + WAIT_FOR_MODELS.toSeconds(), token,
                        bundle.part(List.of(), i == 0 ? bundle.providers : List.of(), routeChunks.get(i)),
                        CALL_TIMEOUT.plus(WAIT_FOR_MODELS)).body();
                reports.forEach(job::add);
            }
            for (int i = 0; i < bundle.pairs.size(); i++) {
                job.phase = "curating pair " + (i + 1) + " of " + bundle.pairs.size() + " on comparison-service";
                curate(job, bundle.pairs.get(i), token);
            }
            job.phase = null;
            job.state = "done";
            job.bundle = null;
        } catch (Refusal | Unreachable e) {
            job.fail("The import stopped: " + sentence(e.getMessage()) + " What was sent before this was applied.");
        } catch (RuntimeException e) {
            log.error("Import {} failed", job.id, e);
            job.fail("The import stopped: " + e + ". What was sent before this was applied.");
        }
    }

    /**
     * Curates one pair. Its models reach comparison-service through Kafka after the catalog took them,
     * so a 422 (a model it does not know yet) is asked again until {@link #WAIT_FOR_MODELS} ran out;
     * then it is reported as rejected.
     */
    private void curate(Job job, String pair, String token) {
        long deadline = System.nanoTime() + WAIT_FOR_MODELS.toNanos();
        while (true) {
            try {
                int status = api.sendWithin(Service.COMPARISON, "PUT", "api/pairs/" + ServiceApi.encode(pair), token, null,
                        CALL_TIMEOUT).status();
                job.pair(pair, status == 201, null);
                return;
            } catch (Refusal refusal) {
                if (refusal.status() != 422 && refusal.status() != 400) {
                    throw refusal;
                }
                if (refusal.status() == 400 || System.nanoTime() > deadline) {
                    job.pair(pair, false, refusal.getMessage());
                    return;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while curating " + pair, e);
            }
        }
    }

    /** Routes in requests of about {@link #CHUNK}, a model's routes always together (its price list moves once). */
    private static List<List<ObjectNode>> routeChunks(List<ObjectNode> routes) {
        Map<String, List<ObjectNode>> byModel = new LinkedHashMap<>();
        routes.forEach(route -> byModel.computeIfAbsent(route.path("modelId").asString(), m -> new ArrayList<>()).add(route));
        List<List<ObjectNode>> chunks = new ArrayList<>();
        List<ObjectNode> chunk = new ArrayList<>();
        for (List<ObjectNode> modelRoutes : byModel.values()) {
            if (!chunk.isEmpty() && chunk.size() + modelRoutes.size() > CHUNK) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
            chunk.addAll(modelRoutes);
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private static Map<String, Object> runBody(BundleFile bundle) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expected", bundle.models.size());
        String source = bundle.source == null ? "console upload" : bundle.source;
        body.put("source", source.length() > 200 ? source.substring(0, 200) : source);
        return body;
    }

    private ImportProgress progress(Job job, String token) {
        if (job.importId == null) {
            return new ImportProgress(job.expected, 0);
        }
        try {
            JsonNode run = api.get(Service.CATALOG, "api/imports/" + ServiceApi.encode(job.importId), token).body();
            return new ImportProgress(run.path("expected").asLong(job.expected), run.path("processed").asLong(0));
        } catch (Refusal | Unreachable e) {
            if (e instanceof Refusal refusal && refusal.status() == 401) {
                throw refusal;
            }
            return new ImportProgress(job.expected, job.modelsProcessed());
        }
    }

    /** How many of the items are new, differ from what is stored, or equal it (comparing {@code fields}, or all). */
    private static ImportView.Count count(String kind, List<ObjectNode> items,
            java.util.function.Function<ObjectNode, JsonNode> stored, List<String> fields) {
        int added = 0;
        int changed = 0;
        for (ObjectNode item : items) {
            JsonNode current = stored.apply(item);
            if (current == null) {
                added++;
            } else if (!same(item, current, fields)) {
                changed++;
            }
        }
        return new ImportView.Count(kind, items.size(), added, changed, items.size() - added - changed);
    }

    /** Equal field by field; absent, null and empty are alike, numbers compare by value, a route's status defaults to active. */
    static boolean same(JsonNode wanted, JsonNode stored, List<String> fields) {
        Set<String> names = new HashSet<>();
        if (fields == null) {
            wanted.propertyNames().forEach(names::add);
            stored.propertyNames().forEach(names::add);
            names.remove("revision");
        } else {
            names.addAll(fields);
        }
        for (String name : names) {
            JsonNode a = wanted.path(name);
            JsonNode b = stored.path(name);
            if (name.equals("status") && fields != null && isEmpty(a)) {
                a = tools.jackson.databind.node.JsonNodeFactory.instance.stringNode("active");
            }
            if (!equal(a, b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        if (isEmpty(a) || isEmpty(b)) {
            return isEmpty(a) && isEmpty(b);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isNumber() != b.isNumber() && (a.isString() || b.isString())) {
            try {
                return new BigDecimal(a.asString()).compareTo(new BigDecimal(b.asString())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new HashSet<>();
            a.propertyNames().forEach(names::add);
            b.propertyNames().forEach(names::add);
            return names.stream().allMatch(name -> equal(a.path(name), b.path(name)));
        }
        return a.equals(b);
    }

    private static boolean isEmpty(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return true;
        }
        if (node.isArray()) {
            return node.isEmpty();
        }
        if (node.isObject()) {
            for (JsonNode value : node) {
                if (!isEmpty(value)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }

    private static String canonical(String pair) {
        String[] ids = pair.split("-vs-");
        return ids[0].compareTo(ids[1]) <= 0 ? pair : ids[1] + "-vs-" + ids[0];
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** How far catalog-service got with the run's models. */
    record ImportProgress(long expected, long processed) {
    }

    /** One uploaded bundle and what happened to it; fields change on the worker thread, the screen reads them. */
    static final class Job {

        final String id;
        final String owner;
        final String fileName;
        volatile BundleFile bundle;
        final String source;
        volatile String state = "previewing";
        volatile String phase = "reading what the services publish now";
        volatile List<ImportView.Count> preview = List.of();
        volatile String importId;
        volatile long expected;
        volatile String error;
        private final Map<String, int[]> reports = new LinkedHashMap<>();
        private final List<ImportView.Rejection> rejections = new ArrayList<>();
        private int moreRejections;

        Job(String id, String owner, String fileName, BundleFile bundle) {
            this.id = id;
            this.owner = owner;
            this.fileName = fileName;
            this.bundle = bundle;
            this.source = bundle.source;
        }

        void fail(String message) {
            error = message;
            phase = null;
            state = "failed";
            bundle = null;
        }

        /** Adds one service report ({@code target, received, created, changed, unchanged, rejected[]}). */
        synchronized void add(JsonNode report) {
            String target = report.path("target").asString("items");
            int[] sums = reports.computeIfAbsent(target, t -> new int[5]);
            sums[0] += report.path("received").asInt(0);
            sums[1] += report.path("created").asInt(0);
            sums[2] += report.path("changed").asInt(0);
            sums[3] += report.path("unchanged").asInt(0);
            for (JsonNode rejection : report.path("rejected")) {
                sums[4]++;
                reject(target, rejection.path("id").asString(""), rejection.path("message").asString(""));
            }
        }

        synchronized void pair(String pair, boolean created, String refusal) {
            int[] sums = reports.computeIfAbsent("curated pairs", t -> new int[5]);
            sums[0]++;
            if (refusal != null) {
                sums[4]++;
                reject("curated pairs", pair, refusal);
            } else if (created) {
                sums[1]++;
            } else {
                sums[3]++;
            }
        }

        private void reject(String target, String id, String message) {
            if (rejections.size() < MAX_REJECTIONS_SHOWN) {
                rejections.add(new ImportView.Rejection(target, id, message));
            } else {
                moreRejections++;
            }
        }

        synchronized long modelsProcessed() {
            int[] models = reports.get("models");
            return models == null ? 0 : models[0];
        }

        synchronized ImportView view(ImportProgress progress) {
            List<ImportView.Report> shown = new ArrayList<>();
            reports.forEach((target, s) -> shown.add(new ImportView.Report(target, s[0], s[1], s[2], s[3], s[4])));
            return new ImportView(id, fileName, source, state, preview, progress.expected(), progress.processed(), phase,
                    shown, List.copyOf(rejections), moreRejections, error);
        }
    }
}
