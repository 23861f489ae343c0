package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.llmreference.platform.outbox.PendingEvent;
import org.llmreference.testsupport.Api;
import org.llmreference.testsupport.Deadlines;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The four services as separate processes on one Kafka broker and one MongoDB server, as the run
 * command starts them, with an editor token and an ops token; plus what several system tests do
 * with them: load the demo catalog with the import command, list the live pairs, wait until every
 * page is served, and read metrics.
 */
final class Site implements AutoCloseable {

    static final String EDITOR_TOKEN = "system-test-editor-token";
    static final String OPS_TOKEN = "system-test-ops-token";
    /** The first admin account's password, as the run command passes it on a first start. */
    static final String ADMIN_PASSWORD = "system-test-admin-password";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PAGE_REVISION = Pattern.compile("^\"(\\d+)-");

    /** Where each service keeps the events it has stored but not yet relayed to Kafka: database, collection. */
    private static final Map<String, String> OUTBOXES = Map.of("catalog", "models", "pricing", "priceLists",
            "comparison", "comparisons");

    final Map<String, String> environment;
    private final String mongoUri;
    ServiceProcess catalog;
    ServiceProcess pricing;
    ServiceProcess comparison;
    ServiceProcess page;
    /** The editors' console, once {@link #startConsole()} started it. */
    ServiceProcess console;
    /** Further instances of comparison-service and page-service, once {@link #startInstance} started them. */
    final List<ServiceProcess> instances = new ArrayList<>();

    private Site(Map<String, String> environment, String mongoUri) {
        this.environment = environment;
        this.mongoUri = mongoUri;
    }

    /** Starts the four services and waits until each is ready. */
    static Site start(String kafka, String mongoUri) {
        return start(kafka, mongoUri, Map.of());
    }

    /** The same, with environment variables of its own for some services (by name), e.g. a MongoDB of its own. */
    static Site start(String kafka, String mongoUri, Map<String, Map<String, String>> servicesOwn) {
        Map<String, String> environment = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "MONGODB_URI", mongoUri,
                "LLMREF_EDITOR_TOKEN", EDITOR_TOKEN, "LLMREF_OPS_TOKEN", OPS_TOKEN,
                "LLMREF_ADMIN_PASSWORD", ADMIN_PASSWORD));
        Site site = new Site(Map.copyOf(environment), mongoUri);
        site.catalog = ServiceProcess.start("catalog-service", with(environment, servicesOwn.get("catalog-service")));
        site.pricing = ServiceProcess.start("pricing-service", with(environment, servicesOwn.get("pricing-service")));
        site.comparison = ServiceProcess.start("comparison-service", with(environment, servicesOwn.get("comparison-service")));
        site.page = ServiceProcess.start("page-service", with(environment, servicesOwn.get("page-service")));
        try {
            for (ServiceProcess process : site.processes()) {
                process.awaitReady(Deadlines.SERVICE_READY);
            }
        } catch (AssertionError | RuntimeException notReady) {
            // a site that never became ready is stopped here: the test's own cleanup never gets it
            try {
                site.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw notReady;
        }
        return site;
    }

    /**
     * Starts the editors' console on a free port, pointed at the four services as the run command
     * points it, and waits until it is ready. Editors sign in as {@code admin} with
     * {@link #ADMIN_PASSWORD} first, as on a first start of the run command.
     */
    ServiceProcess startConsole() {
        Map<String, String> own = new HashMap<>(environment);
        own.put("LLMREF_CATALOG_URL", "http://127.0.0.1:" + catalog.port());
        own.put("LLMREF_PRICING_URL", "http://127.0.0.1:" + pricing.port());
        own.put("LLMREF_COMPARISON_URL", "http://127.0.0.1:" + comparison.port());
        own.put("LLMREF_PAGE_URL", "http://127.0.0.1:" + page.port());
        own.put("LLMREF_BASE_URL", "http://127.0.0.1:" + page.port());
        console = ServiceProcess.start("console", own).awaitReady(Deadlines.SERVICE_READY);
        return console;
    }

    /**
     * Starts instance {@code instance} (2, 3, ...) of comparison-service or page-service beside the
     * first, with its settings, and waits until it is ready.
     */
    ServiceProcess startInstance(ServiceProcess first, int instance) {
        ServiceProcess process = first.startInstance(instance);
        instances.add(process);
        return process.awaitReady(Deadlines.SERVICE_READY);
    }

    private static Map<String, String> with(Map<String, String> environment, Map<String, String> own) {
        Map<String, String> all = new HashMap<>(environment);
        if (own != null) {
            all.putAll(own);
        }
        return all;
    }

    List<ServiceProcess> processes() {
        return List.of(catalog, pricing, comparison, page);
    }

    Api catalogApi() {
        return Api.onPort(catalog.port());
    }

    Api pricingApi() {
        return Api.onPort(pricing.port());
    }

    Api comparisonApi() {
        return Api.onPort(comparison.port());
    }

    Api pageApi() {
        return Api.onPort(page.port());
    }

    /** Runs the import command on the built-in demo catalog and returns its output. */
    String importDemo(String logName) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("llmref.repository.root", ".."));
        Path jar = root.resolve("importing/target/importer.jar");
        assertThat(jar).as("the import command is packaged before the system tests run").isRegularFile();
        Path log = Path.of("target", logName);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--demo", "--token", EDITOR_TOKEN, "--wait-for-models", "300",
                "--catalog", "http://127.0.0.1:" + catalog.port(), "--pricing", "http://127.0.0.1:" + pricing.port())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the import finishes").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("import exit code; output:%n%s", output).isZero();
        return output;
    }

    /** Every pair comparison-service keeps live, from its pairs API. */
    Set<String> livePairs() {
        Set<String> pairs = new TreeSet<>();
        read(comparisonApi(), "/api/pairs?size=1000").get("items").forEach(item -> pairs.add(item.get("pairId").asString()));
        return pairs;
    }

    /** The live pairs of one model. */
    Set<String> pairsOf(String modelId) {
        Set<String> pairs = new TreeSet<>();
        read(comparisonApi(), "/api/pairs?model=" + modelId + "&size=1000").get("items")
                .forEach(item -> pairs.add(item.get("pairId").asString()));
        return pairs;
    }

    /** Waits until every live pair has a comparison and a served page, and returns the pairs. */
    Set<String> awaitEveryPageServed(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            Set<String> pairs = livePairs();
            return !pairs.isEmpty() && pairs.stream().allMatch(pair -> pageApi().get("/compare/" + pair).send().statusCode() == 200);
        });
        return livePairs();
    }

    /**
     * Waits until every edit accepted so far is on the pages (after an import, edits still travel
     * down the chain for a while). Checked twice in a row, since each hop can start the next: no
     * service holds an event it has not relayed to Kafka (its outbox in MongoDB), comparison-service
     * holds no source change it has not planned, and page-service's consistency audit finds nothing
     * behind (every record on the topics consumed, every page at its comparison's revision).
     */
    void awaitSettled(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> atRest() && atRest());
    }

    private boolean atRest() {
        return nothingToRelay() && metric(comparison, "llmref_comparisons_waiting") == 0 && consistent();
    }

    private boolean nothingToRelay() {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            return OUTBOXES.entrySet().stream().noneMatch(outbox -> client.getDatabase(outbox.getKey())
                    .getCollection(outbox.getValue()).find(Filters.exists(PendingEvent.FIELD + ".0")).first() != null);
        }
    }

    private boolean consistent() {
        HttpResponse<String> audit = pageApi().get("/actuator/consistency").as(OPS_TOKEN).send();
        return audit.statusCode() == 200 && JSON.readTree(audit.body()).get("consistent").asBoolean();
    }

    /**
     * Until page-service's consistency audit finds nothing behind: every source event consumed by
     * comparison-service, every comparison event by page-service, every page at its comparison's
     * revision. What ops would check after an incident.
     */
    void awaitConsistent() {
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            HttpResponse<String> audit = pageApi().get("/actuator/consistency").as(OPS_TOKEN).send();
            assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
            assertThat(JSON.readTree(audit.body()).get("consistent").asBoolean()).as(audit.body()).isTrue();
        });
    }

    /** Each page's body and ETag, by pair. */
    Map<String, Served> servePages(Set<String> pairs) {
        Map<String, Served> served = new LinkedHashMap<>();
        for (String pair : pairs) {
            served.put(pair, serve(pair));
        }
        return served;
    }

    Served serve(String pair) {
        HttpResponse<String> response = pageApi().get("/compare/" + pair).send();
        return new Served(response.statusCode(), response.headers().firstValue("ETag").orElse(""), response.body());
    }

    /** The value of one sample line of a service's Prometheus page, or NaN when it is absent. */
    static double metric(ServiceProcess process, String name, String... labels) {
        String body = Api.onPort(process.port()).get("/actuator/prometheus").send().body();
        for (String line : body.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                boolean all = true;
                for (String label : labels) {
                    all &= line.contains(label);
                }
                if (all) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return Double.NaN;
    }

    /** The body of a PUT that keeps an active route as it is but for its prices: input, and output at twice that. */
    static String repriced(JsonNode route, BigDecimal input) {
        ObjectNode body = JSON.createObjectNode();
        body.put("inputPricePerMTok", input);
        body.put("outputPricePerMTok", input.multiply(BigDecimal.valueOf(2)));
        body.put("contextWindow", route.get("contextWindow").asLong());
        body.put("status", "active");
        body.put("sourceUrl", route.get("sourceUrl").asString());
        body.put("verifiedAt", route.get("verifiedAt").asString());
        return body.toString();
    }

    static JsonNode read(Api api, String path) {
        HttpResponse<String> response = api.get(path).send();
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess process : instances) {
            process.close();
        }
        for (ServiceProcess process : new ServiceProcess[] {console, page, comparison, pricing, catalog}) {
            if (process != null) {
                process.close();
            }
        }
    }

    /** What a visitor got for a page: status, entity tag and body. */
    record Served(int status, String etag, String body) {

        /** The page's revision, which leads its entity tag ({@code "12-9f86…"}); -1 when it has none. */
        long revision() {
            Matcher matcher = PAGE_REVISION.matcher(etag);
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        }
    }
}
