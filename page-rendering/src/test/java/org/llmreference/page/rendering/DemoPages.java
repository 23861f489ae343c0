package org.llmreference.page.rendering;

import java.time.Instant;
import java.util.List;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.demo.DemoCatalog;

/**
 * The golden page of the demo catalog, gpt-oss-20b vs qwen3.5-4b, as the comparison engine computes
 * it (the sides built the way the engine's own tests build them), and the page view around it.
 */
final class DemoPages {

    static final Site SITE = new Site("https://llmreference.org", "LLM Reference");
    static final String GPT = "gpt-oss-20b";
    static final String QWEN = "qwen3.5-4b";
    static final Instant OCCURRED_AT = Instant.parse("2026-05-22T10:15:30.000Z");
    static final Instant RENDERED_AT = Instant.parse("2026-05-22T10:15:30.420Z");
    static final List<RelatedPair> RELATED = List.of(
            new RelatedPair("gpt-oss-120b-vs-gpt-oss-20b", "gpt-oss-120b vs gpt-oss-20b"),
            new RelatedPair("qwen3.5-4b-vs-qwen3.5-9b", "Qwen3.5-4B vs Qwen3.5-9B"));

    private static final CatalogBundle DEMO = DemoCatalog.load();

    private DemoPages() {
    }

    static Side side(String modelId) {
        ModelSnapshot model = DEMO.models().stream().filter(m -> m.id().equals(modelId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + modelId + " in the demo catalog"));
        return new Side(model, DEMO.priceLists().getOrDefault(modelId, List.of()));
    }

    /** The golden comparison, computed by the engine from the demo catalog. */
    static Comparison golden() {
        return new ComparisonEngine(EngineSettings.defaults()).compare(side(GPT), side(QWEN), RELATED);
    }

    /** The golden comparison at revision 3, rendered 0.42 s after its change, with three changes. */
    static ComparisonPage goldenPage() {
        return page(golden());
    }

    static ComparisonPage page(Comparison comparison) {
        return new ComparisonPage(comparison, 3, OCCURRED_AT, RENDERED_AT, List.of(
                new PageChange(3, OCCURRED_AT, List.of("pricing", "monthlyCost", "verdict")),
                new PageChange(2, Instant.parse("2026-05-01T08:00:00Z"), List.of("specs")),
                new PageChange(1, Instant.parse("2026-04-20T08:00:00Z"), List.of("title", "intro", "verdict"))));
    }
}
