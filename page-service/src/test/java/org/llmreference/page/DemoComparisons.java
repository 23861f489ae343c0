package org.llmreference.page;

import static org.llmreference.testsupport.Fixtures.aModelLike;
import static org.llmreference.testsupport.Fixtures.aRouteLike;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.llmreference.comparison.engine.ComparisonEngine;
import org.llmreference.comparison.engine.EngineSettings;
import org.llmreference.comparison.engine.Side;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.ComparisonChanged;
import org.llmreference.contracts.comparison.ComparisonWithdrawn;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.demo.DemoCatalog;

/**
 * Comparisons of the built-in demo catalog, computed by the real engine, and the events that carry
 * them. Every test class of this module shares one broker and one database, so each test copies the
 * models it needs under ids of its own: {@code side("gpt-oss-20b", tag)} is gpt-oss-20b as
 * {@code gpt-oss-20b-<tag>}, named {@code "gpt-oss-20b <tag>"}.
 */
public final class DemoComparisons {

    private static final Map<String, Side> DEMO = sides(DemoCatalog.load());
    private static final ComparisonEngine ENGINE = new ComparisonEngine(EngineSettings.defaults());
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private DemoComparisons() {
    }

    /** A tag no other test uses: lowercase letters and digits. */
    public static String uniqueTag() {
        return "t" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36) + COUNTER.incrementAndGet();
    }

    /** The demo model {@code demoId} under the id {@code <demoId>-<tag>} and the name {@code "<name> <tag>"}. */
    public static Side side(String demoId, String tag) {
        Side demo = DEMO.get(demoId);
        if (demo == null) {
            throw new IllegalArgumentException("no model " + demoId + " in the demo catalog");
        }
        ModelSnapshot renamed = aModelLike(demo.model()).withId(demoId + "-" + tag)
                .named(demo.model().name() + " " + tag).build();
        return new Side(renamed, demo.routes());
    }

    /** The same model with every route's token prices multiplied by {@code factor}. */
    public static Side repriced(Side side, String factor) {
        BigDecimal by = new BigDecimal(factor);
        List<RouteSnapshot> routes = new ArrayList<>();
        for (RouteSnapshot r : side.routes()) {
            routes.add(aRouteLike(r).pricedExactly(times(r.terms().inputPricePerMTok(), by), times(r.terms().outputPricePerMTok(), by))
                    .build());
        }
        return new Side(side.model(), routes);
    }

    public static Comparison compare(Side x, Side y) {
        return ENGINE.compare(x, y, List.of());
    }

    /** Revision {@code revision} of the comparison; {@code sections} empty for the first. */
    public static Envelope<ComparisonChanged> changed(Comparison comparison, long revision, List<String> sections) {
        return Envelope.startingChain(new ComparisonChanged(comparison, "sha256:" + comparison.hashCode(), sections),
                comparison.pairId(), revision, Instant.now());
    }

    static Envelope<ComparisonWithdrawn> withdrawn(Comparison comparison, long revision, String reason) {
        return Envelope.startingChain(new ComparisonWithdrawn(comparison.pairId(), comparison.modelA().id(),
                comparison.modelB().id(), reason), comparison.pairId(), revision, Instant.now());
    }

    private static BigDecimal times(BigDecimal price, BigDecimal by) {
        return price == null ? null : price.multiply(by);
    }

    private static Map<String, Side> sides(CatalogBundle bundle) {
        Map<String, List<RouteSnapshot>> priceLists = bundle.priceLists();
        Map<String, Side> sides = new LinkedHashMap<>();
        for (ModelSnapshot model : bundle.models()) {
            sides.put(model.id(), new Side(model, priceLists.getOrDefault(model.id(), List.of())));
        }
        return sides;
    }
}
