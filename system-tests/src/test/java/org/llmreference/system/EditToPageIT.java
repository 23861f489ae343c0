package org.llmreference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.llmreference.contracts.Topics;
import org.llmreference.system.Site.Served;
import org.llmreference.testsupport.TestInfrastructure;
import org.llmreference.testsupport.WithInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chain from an editor's change to the pages visitors read, with the four services as
 * processes on the demo catalog: a price change reaches exactly the pages of the repriced model,
 * a capability change rewrites the verdict, tradeoffs, switch friction and FAQ of its pages, a
 * retired model's pages answer 410 and vanish from links and the sitemap, and replaying every
 * event changes no page by a byte.
 */
@WithInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditToPageIT {

    static final Duration WAIT = Duration.ofMinutes(3);
    /** Neither model of the reference pair: the other system tests read its figures. */
    static final String REPRICED = "llama-3.3-70b";
    static final String RETIRED = "mistral-large";

    Site site;
    String kafka;

    @BeforeAll
    void startTheSiteWithTheDemoCatalog(TestInfrastructure infrastructure) throws Exception {
        kafka = infrastructure.kafkaBootstrapServers();
        site = Site.start(kafka, infrastructure.mongoUri());
        site.importDemo("edit-to-page-import.log");
        site.awaitEveryPageServed(WAIT);
        site.awaitSettled(WAIT);
    }

    @AfterAll
    void stopTheSite() throws InterruptedException {
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(1)
    void aPriceChangeReachesEveryPageOfTheModelAndNoOtherPage() {
        Set<String> all = site.livePairs();
        Set<String> affected = site.pairsOf(REPRICED);
        assertThat(affected).isNotEmpty();
        Map<String, Served> before = site.servePages(all);
        JsonNode route = Site.read(site.pricingApi(), "/api/models/" + REPRICED + "/routes/groq");
        Map<Double, Double> bucketsBefore = propagationBuckets("pricing.RouteChanged.v1");

        HttpResponse<String> put = site.pricingApi().put("/api/models/" + REPRICED + "/routes/groq",
                routeBody(route, "0.01", "0.02")).as(Site.EDITOR_TOKEN).send();

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        // 1M requests of 800 input and 250 output tokens: 800M x $0.01 + 250M x $0.02 per million tokens.
        await().atMost(WAIT).untilAsserted(() -> assertThat(affected).allSatisfy(pair -> {
            Served page = site.serve(pair);
            assertThat(page.body()).as(pair).contains("$13.00").contains("$0.01/1M tokens");
            assertThat(page.revision()).as(pair).isGreaterThan(before.get(pair).revision());
        }));
        site.awaitSettled(WAIT);
        Map<String, Served> after = site.servePages(all);
        for (String pair : all) {
            if (affected.contains(pair)) {
                assertThat(after.get(pair).etag()).as(pair).isNotEqualTo(before.get(pair).etag());
            } else {
                assertThat(after.get(pair).etag()).as("unaffected page %s", pair).isEqualTo(before.get(pair).etag());
                assertThat(after.get(pair).body()).as("unaffected page %s", pair).isEqualTo(before.get(pair).body());
            }
        }
        Map<Double, Double> buckets = propagationBuckets("pricing.RouteChanged.v1");
        bucketsBefore.forEach((le, count) -> buckets.merge(le, -count, Double::sum));
        double pages = buckets.get(Double.POSITIVE_INFINITY);
        assertThat(pages).as("llmref.propagation{source=pricing.RouteChanged.v1} recorded each affected page")
                .isGreaterThanOrEqualTo(affected.size());
        Figures.record("llmref.propagation of one price edit (%d pages, from page-service's histogram): p50 %.0f ms, p99 %.0f ms",
                (long) pages, quantile(buckets, 0.5) * 1000, quantile(buckets, 0.99) * 1000);
    }

    /** Cumulative bucket counts of {@code llmref_propagation_seconds} for one source, by upper bound. */
    private Map<Double, Double> propagationBuckets(String source) {
        Map<Double, Double> buckets = new java.util.TreeMap<>();
        buckets.put(Double.POSITIVE_INFINITY, 0.0);
        String body = site.pageApi().get("/actuator/prometheus").send().body();
        java.util.regex.Pattern bucket = java.util.regex.Pattern.compile("le=\"([^\"]+)\"");
        body.lines().filter(line -> line.startsWith("llmref_propagation_seconds_bucket{")
                && line.contains("source=\"" + source + "\"")).forEach(line -> {
                    java.util.regex.Matcher le = bucket.matcher(line);
                    if (le.find()) {
                        double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                        buckets.put(bound, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                    }
                });
        return buckets;
    }

    /** The q-quantile of cumulative buckets, interpolated within its bucket as Prometheus' histogram_quantile does. */
    static double quantile(Map<Double, Double> cumulative, double q) {
        double total = cumulative.get(Double.POSITIVE_INFINITY);
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound;
                }
                double inBucket = bucket.getValue() - lowerCount;
                return inBucket == 0 ? bucket.getKey()
                        : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound;
    }

    @Test
    @Order(2)
    void aCapabilityChangeRewritesTheVerdictTradeoffsSwitchFrictionAndFaqOfItsPages() {
        JsonNode model = Site.read(site.catalogApi(), "/api/models/" + REPRICED);
        String partner = null;
        String pair = null;
        for (String candidate : site.pairsOf(REPRICED)) {
            String other = candidate.startsWith(REPRICED + "-vs-") ? candidate.substring(REPRICED.length() + 4)
                    : candidate.substring(0, candidate.length() - REPRICED.length() - 4);
            JsonNode capabilities = Site.read(site.catalogApi(), "/api/models/" + other).get("capabilities");
            if (!capabilities.equals(model.get("capabilities"))) {
                partner = other;
                pair = candidate;
                break;
            }
        }
        assertThat(pair).as("a pair of %s whose models differ in capabilities", REPRICED).isNotNull();
        JsonNode before = Site.read(site.comparisonApi(), "/api/comparisons/" + pair).get("comparison");
        JsonNode partnerCapabilities = Site.read(site.catalogApi(), "/api/models/" + partner).get("capabilities");

        HttpResponse<String> patch = site.catalogApi().patch("/api/models/" + REPRICED,
                "{\"capabilities\": " + partnerCapabilities + "}").as(Site.EDITOR_TOKEN).send();

        assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
        String watched = pair;
        JsonNode after = await().atMost(WAIT).until(
                () -> Site.read(site.comparisonApi(), "/api/comparisons/" + watched).get("comparison"),
                comparison -> !comparison.get("switchFriction").equals(before.get("switchFriction")));
        for (String section : List.of("verdict", "tradeoffs", "switchFriction", "faq")) {
            assertThat(after.get(section)).as(section).isNotNull().isNotEqualTo(before.get(section));
        }
        String otherName = after.at("/modelA/id").asString().equals(REPRICED) ? after.at("/modelB/name").asString()
                : after.at("/modelA/name").asString();
        String modelName = model.get("name").asString();
        await().atMost(WAIT).untilAsserted(() -> {
            String html = site.serve(watched).body();
            assertThat(html).contains(escaped(otherName + " exposes every capability " + modelName + " does"))
                    .contains(escaped(modelName + " exposes every capability " + otherName + " does"))
                    .doesNotContain("uniquely exposes")
                    .contains(escaped(after.at("/verdict/sentence").asString()));
        });
    }

    @Test
    @Order(3)
    void aRetiredModelsPagesAreGoneFromTheSiteItsLinksAndTheSitemap() {
        Set<String> retiredPairs = site.pairsOf(RETIRED);
        assertThat(retiredPairs).isNotEmpty();
        String sitemapBefore = site.pageApi().get("/sitemap.xml").send().body();
        assertThat(retiredPairs).allSatisfy(pair -> assertThat(sitemapBefore).contains("/compare/" + pair));

        HttpResponse<String> retire = site.catalogApi().delete("/api/models/" + RETIRED).as(Site.EDITOR_TOKEN).send();

        assertThat(retire.statusCode()).as(retire.body()).isIn(200, 204);
        await().atMost(WAIT).untilAsserted(() -> assertThat(retiredPairs)
                .allSatisfy(pair -> assertThat(site.serve(pair).status()).as(pair).isEqualTo(410)));
        await().atMost(WAIT).untilAsserted(() -> {
            Set<String> live = site.livePairs();
            assertThat(live).doesNotContainAnyElementsOf(retiredPairs).noneMatch(pair -> pair.contains(RETIRED));
            for (String pair : live) {
                Served page = site.serve(pair);
                assertThat(page.status()).as(pair).isEqualTo(200);
                assertThat(page.body()).as("links on %s", pair).doesNotContain("/compare/" + RETIRED + "-vs-")
                        .doesNotContain("-vs-" + RETIRED + "\"");
            }
            String sitemap = site.pageApi().get("/sitemap.xml").send().body();
            assertThat(retiredPairs).allSatisfy(pair -> assertThat(sitemap).doesNotContain("/compare/" + pair + "<"));
            assertThat(live).allSatisfy(pair -> assertThat(sitemap).contains("/compare/" + pair + "<"));
        });
    }

    @Test
    @Order(4)
    void deliveringEveryEventAgainLeavesEveryPageByteIdentical() throws Exception {
        site.awaitConsistent();
        site.awaitSettled(WAIT);
        Set<String> pairs = new TreeSet<>(site.livePairs());
        pairs.addAll(site.pairsOf(REPRICED));
        Map<String, Served> before = site.servePages(pairs);
        Map<String, String> sitesBefore = otherResources();
        double staleBefore = Site.metric(site.page, "llmref_events_consumed_total", "topic=\"comparison.pages.v1\"",
                "outcome=\"stale\"");

        int replayed = 0;
        for (String topic : List.of(Topics.CATALOG_MODELS, Topics.PRICING_ROUTES, Topics.COMPARISON_PAGES)) {
            replayed += replay(topic);
        }

        assertThat(replayed).isGreaterThan(100);
        site.awaitConsistent();
        site.awaitSettled(WAIT);
        Map<String, Served> after = site.servePages(pairs);
        for (String pair : pairs) {
            assertThat(after.get(pair).etag()).as(pair).isEqualTo(before.get(pair).etag());
            assertThat(after.get(pair).body()).as(pair).isEqualTo(before.get(pair).body());
        }
        assertThat(otherResources()).isEqualTo(sitesBefore);
        assertThat(Site.metric(site.page, "llmref_events_consumed_total", "topic=\"comparison.pages.v1\"",
                "outcome=\"stale\""))
                .as("page-service skipped the replayed comparison events as stale")
                .isGreaterThan(Double.isNaN(staleBefore) ? 0 : staleBefore);
    }

    /** Sitemap, feed and model pages, which also derive from the events. */
    private Map<String, String> otherResources() {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String path : List.of("/sitemap.xml", "/feed.xml", "/models/" + REPRICED, "/models/gpt-oss-20b")) {
            HttpResponse<String> response = site.pageApi().get(path).send();
            bodies.put(path, response.statusCode() + " " + response.headers().firstValue("ETag").orElse("") + " " + response.body());
        }
        return bodies;
    }

    /** Sends every record of {@code topic} again, with its key and headers: duplicates of every event, old ones included. */
    private int replay(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = TopicRecords.readAll(kafka, topic);
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers()));
            }
            producer.flush();
        }
        return records.size();
    }

    private static String routeBody(JsonNode route, String input, String output) {
        ObjectNode body = Site.JSON.createObjectNode();
        body.put("inputPricePerMTok", new java.math.BigDecimal(input));
        body.put("outputPricePerMTok", new java.math.BigDecimal(output));
        body.put("contextWindow", route.get("contextWindow").asLong());
        body.put("status", "active");
        body.put("sourceUrl", route.get("sourceUrl").asString());
        body.put("verifiedAt", route.get("verifiedAt").asString());
        return body.toString();
    }

    /** As the templates write text into HTML. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;").replace("'", "&#39;");
    }
}
