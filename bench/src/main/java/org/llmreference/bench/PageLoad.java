package org.llmreference.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.EventHeaders;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.demo.DemoCatalog;

/**
 * Load for a running page-service: publishes {@code count} comparison events of distinct
 * pairs (the demo models copied under tags, {@code gpt-oss-20b-t3-vs-qwen3.5-4b-t3}, compared by the
 * real engine) to {@code comparison.pages.v1}, waits until page-service has stored them all, and
 * prints how long that took. The pair ids go to {@code pairs-file}, one a line (for wrk or nginx).
 *
 * <pre>
 * mvn -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar org.llmreference.bench.PageLoad \
 *   127.0.0.1:9092 http://127.0.0.1:8080 7000 1 pairs.txt
 * </pre>
 *
 * Arguments: Kafka bootstrap servers, page-service's URL, how many pages, their revision (a second run
 * with revision 2 changes every page again), the pairs file.
 */
public final class PageLoad {

    private static final Pattern STORED = Pattern.compile(
            "^llmref_pages_(regenerated|unchanged)_total\\{[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE);

    private PageLoad() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String site = args[1];
        int count = Integer.parseInt(args[2]);
        long revision = Long.parseLong(args[3]);
        Path pairsFile = Path.of(args[4]);

        CatalogBundle demo = DemoCatalog.load();
        Map<String, List<RouteSnapshot>> priceLists = Catalogs.priceLists(demo);
        List<ModelSnapshot> models = demo.models();
        ComparisonEngine engine = new ComparisonEngine(EngineSettings.defaults());
        List<Envelope<ComparisonChanged>> events = new ArrayList<>();
        long start = System.nanoTime();
        for (int tag = 1; events.size() < count; tag++) {
            for (int i = 0; i < models.size() && events.size() < count; i++) {
                for (int j = i + 1; j < models.size() && events.size() < count; j++) {
                    Comparison comparison = engine.compare(tagged(models.get(i), priceLists, "t" + tag),
                            tagged(models.get(j), priceLists, "t" + tag), List.of());
                    events.add(Envelope.startingChain(new ComparisonChanged(comparison,
                            "sha256:" + comparison.hashCode() + "-" + revision, List.of("pricing")),
                            comparison.pairId(), revision, Instant.now()));
                }
            }
        }
        System.out.printf("computed %d comparisons in %d ms%n", events.size(), (System.nanoTime() - start) / 1_000_000);
        Files.write(pairsFile, events.stream().map(Envelope::aggregateId).toList());

        double before = stored(site);
        start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Envelope<ComparisonChanged> event : events) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(event.topic(), bytes(event.aggregateId()),
                        EventCodec.encode(event));
                record.headers().add(EventHeaders.EVENT_TYPE, bytes(event.type()));
                record.headers().add(EventHeaders.EVENT_ID, bytes(event.eventId().toString()));
                producer.send(record);
            }
            producer.flush();
        }
        System.out.printf("published in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        double done = before;
        long lastReport = 0;
        while (done < before + events.size()) {
            Thread.sleep(250);
            done = stored(site);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (elapsed - lastReport >= 5_000) {
                System.out.printf("  %6d ms: %d pages stored%n", elapsed, (long) (done - before));
                lastReport = elapsed;
            }
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%d pages stored %d ms after the first event was sent: %.1f pages/s, %.2f ms per page%n",
                events.size(), elapsed, events.size() * 1000.0 / elapsed, (double) elapsed / events.size());
    }

    /** The demo model {@code m} under the id {@code <id>-<tag>} and the name {@code "<name> <tag>"}, with its routes. */
    private static Side tagged(ModelSnapshot m, Map<String, List<RouteSnapshot>> priceLists, String tag) {
        ModelSnapshot renamed = new ModelSnapshot(m.id() + "-" + tag, m.name() + " " + tag, m.vendor(), m.family(),
                m.releaseDate(), m.knowledgeCutoff(), m.contextWindow(), m.maxOutputTokens(), m.parametersBillions(),
                m.architecture(), m.license(), m.openWeights(), m.modalities(), m.capabilities(), m.decisionTags(),
                m.benchmarks(), m.sources(), m.status(), m.retiresOn(), m.successorId());
        return new Side(renamed, priceLists.get(m.id()));
    }

    /** Pages regenerated plus pages unchanged, from page-service's Prometheus metrics. */
    private static double stored(String site) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(site + "/actuator/prometheus")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        double sum = 0;
        Matcher matcher = STORED.matcher(response.body());
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(2));
        }
        return sum;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
