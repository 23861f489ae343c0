package org.llmreference.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.demo.DemoCatalog;
import org.llmreference.page.rendering.ComparisonPage;
import org.llmreference.page.rendering.PageChange;
import org.llmreference.page.rendering.PageRenderer;
import org.llmreference.page.rendering.Site;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time of one {@link PageRenderer#comparison} call: the golden page of the demo catalog,
 * gpt-oss-20b vs qwen3.5-4b, rendered to an HTML string from its computed comparison (the comparison
 * is computed once in the set-up, not timed). The set-up also prints the page's size, raw and gzipped.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class RenderBenchmark {

    /** The golden comparison as page-service hands it to the renderer: revision, freshness, changes. */
    @State(Scope.Benchmark)
    public static class Golden {

        PageRenderer renderer;
        ComparisonPage page;

        @Setup
        public void prepare() {
            CatalogBundle demo = DemoCatalog.load();
            Map<String, List<RouteSnapshot>> priceLists = Catalogs.priceLists(demo);
            Comparison comparison = new ComparisonEngine(EngineSettings.defaults()).compare(
                    Catalogs.side(demo, priceLists, "gpt-oss-20b"), Catalogs.side(demo, priceLists, "qwen3.5-4b"),
                    List.of(new RelatedPair("gpt-oss-120b-vs-gpt-oss-20b", "gpt-oss-120b vs gpt-oss-20b"),
                            new RelatedPair("qwen3.5-4b-vs-qwen3.5-9b", "Qwen3.5-4B vs Qwen3.5-9B")));
            Instant occurredAt = Instant.parse("2026-05-22T10:15:30Z");
            page = new ComparisonPage(comparison, 3, occurredAt, occurredAt.plusMillis(420), List.of(
                    new PageChange(3, occurredAt, List.of("pricing", "monthlyCost", "verdict")),
                    new PageChange(2, Instant.parse("2026-05-01T08:00:00Z"), List.of("specs")),
                    new PageChange(1, Instant.parse("2026-04-20T08:00:00Z"), List.of("title", "intro", "verdict"))));
            renderer = new PageRenderer(new Site("https://llmreference.org", "LLM Reference"));

            byte[] html = renderer.comparison(page).getBytes(StandardCharsets.UTF_8);
            byte[] css = PageRenderer.stylesheet().getBytes(StandardCharsets.UTF_8);
            System.out.println("goldenPage: " + html.length + " bytes of HTML, " + gzipped(html) + " gzipped;"
                    + " stylesheet " + css.length + " bytes, " + gzipped(css) + " gzipped");
        }
    }

    @Benchmark
    public String goldenPage(Golden state) {
        return state.renderer.comparison(state.page);
    }

    static int gzipped(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}
