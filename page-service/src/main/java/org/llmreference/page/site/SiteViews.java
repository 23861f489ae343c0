package org.llmreference.page.site;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.contracts.comparison.FactRow;
import org.llmreference.contracts.comparison.ModelSummary;
import org.llmreference.contracts.comparison.RelatedPair;
import org.llmreference.page.PageSettings;
import org.llmreference.page.comparisons.Comparisons;
import org.llmreference.page.comparisons.StoredComparison;
import org.llmreference.page.directory.ModelDirectory;
import org.llmreference.page.facts.FactsView;
import org.llmreference.page.http.LeastRecentlyUsed;
import org.llmreference.page.http.Representation;
import org.llmreference.page.loading.CatalogLoading;
import org.llmreference.page.pages.GonePages;
import org.llmreference.page.pages.IndexedPage;
import org.llmreference.page.pages.MissingPages;
import org.llmreference.page.pages.PageIndex;
import org.llmreference.page.rendering.CatalogLoad;
import org.llmreference.page.rendering.IndexPage;
import org.llmreference.page.rendering.ModelLink;
import org.llmreference.page.rendering.ModelPage;
import org.llmreference.page.rendering.ModelPricing;
import org.llmreference.page.rendering.Workload;
import org.llmreference.page.calculator.CalculatedPage;
import org.llmreference.page.calculator.WorkloadParameters;
import org.llmreference.page.calculator.WorkloadPrices;
import org.llmreference.page.rendering.NotFoundPage;
import org.llmreference.page.rendering.PageRenderer;
import org.springframework.stereotype.Component;

/**
 * The pages built from the {@link PageIndex} rather than stored one by one: the front page (with
 * its search), model pages, the sitemap, the feed, and the 410 and 404 pages. Each is rendered on
 * first request and kept (bounded, least recently used out first) until the index changes: a view
 * remembers the index version it was built at.
 */
@Component
public class SiteViews implements MissingPages {

    /** How many of the latest comparisons the front page lists. */
    static final int LATEST = 20;
    /** A search longer than this is cut (the front page shows what was searched for). */
    static final int MAX_QUERY = 100;

    private final PageIndex index;
    private final FactsView facts;
    private final Comparisons comparisons;
    private final PageRenderer renderer;
    private final PageSettings settings;
    private final CatalogLoading loading;
    private final ModelDirectory directory;
    private final LeastRecentlyUsed<String, View> views = new LeastRecentlyUsed<>(2_000, 32L * 1024 * 1024, View::weight);
    private final Representation stylesheet;
    private final Representation calculatorScript;

    /** A rendered view and the index version it reflects; {@code representation} is null for "no such page". */
    private record View(long version, Representation representation) {
        long weight() {
            return representation == null ? 64 : 512L + representation.gzip().length
                    + (representation.plain() == null ? 0 : representation.plain().length);
        }
    }

    SiteViews(PageIndex index, Comparisons comparisons, PageRenderer renderer, PageSettings settings,
            CatalogLoading loading, ModelDirectory directory, FactsView facts) {
        this.index = index;
        this.facts = facts;
        this.loading = loading;
        this.directory = directory;
        this.comparisons = comparisons;
        this.renderer = renderer;
        this.settings = settings;
        this.stylesheet = Representation.of(Representation.CSS, PageRenderer.stylesheet(), null, Instant.now());
        this.calculatorScript = Representation.of(Representation.JAVASCRIPT, PageRenderer.calculatorScript(), null,
                Instant.now());
    }

    /** {@code /?q=}: models whose name, id or vendor contains the query (any case), and the latest comparisons. */
    public Representation front(String query) {
        String q = query == null || query.isBlank() ? null : cut(query.strip());
        CatalogLoad load = loading.current().orElse(null);
        String loadKey = load == null ? "" : ":loading:" + load.loaded() + "/" + load.expected();
        // the entry points follow the facts view, the rest the page index: the key names both versions
        return cached("index:" + directory.version() + ":" + (q == null ? "" : q) + loadKey, () -> {
            List<IndexedPage> live = index.live();
            String wanted = q == null ? null : q.toLowerCase(Locale.ROOT);
            List<ModelLink> models = models(live).stream().filter(model -> wanted == null || matches(model, wanted))
                    .toList();
            List<RelatedPair> latest = live.stream()
                    .sorted(Comparator.comparing(IndexedPage::lastChangedAt).reversed().thenComparing(IndexedPage::pairId))
                    .limit(LATEST).map(page -> new RelatedPair(page.pairId(), page.title())).toList();
            return html(renderer.index(new IndexPage(q, models, latest, load, q == null ? directory.entryPoints() : null)),
                    index.lastUpdated());
        });
    }

    /**
     * {@code /models/{id}}; empty when the model has no live comparison, unless it was retired: a
     * retired model keeps its page, which says so and links its successor.
     */
    public Optional<Representation> model(String modelId) {
        // a retirement reaches the facts and the pages separately: the page follows both
        return Optional.ofNullable(cached("model:" + modelId, index.version() + facts.version(), () -> {
            CalculatedPage page = modelPage(modelId, null);
            return page == null ? null : page.representation();
        }));
    }

    /**
     * {@code /models/{id}?requests=...}: the model page with its routes and cost at the visitor's
     * workload (not kept); empty when the model has no live comparison.
     */
    public Optional<CalculatedPage> model(String modelId, Map<String, String> parameters) {
        return Optional.ofNullable(modelPage(modelId, parameters));
    }

    /** The model page, at the page's own workload when {@code parameters} is null. */
    private CalculatedPage modelPage(String modelId, Map<String, String> parameters) {
        List<IndexedPage> pages = index.of(modelId);
        List<IndexedPage> live = pages.stream().filter(IndexedPage::live).toList();
        Optional<ModelSnapshot> retired = live.isEmpty() ? facts.model(modelId)
                .filter(model -> model.status() == ModelStatus.RETIRED) : Optional.empty();
        if (live.isEmpty() && (retired.isEmpty() || pages.isEmpty())) {
            return null;
        }
        // A retired model's pages are all gone: its facts are those its last comparison showed.
        IndexedPage latest = (live.isEmpty() ? pages : live).stream()
                .max(Comparator.comparing(IndexedPage::lastChangedAt).thenComparing(IndexedPage::pairId)).orElseThrow();
        ModelLink link = latest.model(modelId);
        ModelSummary summary = new ModelSummary(link.id(), link.name(), link.vendor(), null, null, null);
        List<FactRow> facts = List.of();
        ModelPricing pricing = null;
        Workload workload = null;
        boolean valid = true;
        Comparison comparison = comparisons.find(latest.pairId()).map(StoredComparison::comparison).orElse(null);
        if (comparison != null) {
            summary = ModelFacts.summary(comparison, modelId);
            facts = ModelFacts.of(comparison, modelId);
            pricing = WorkloadPrices.model(comparison, modelId);
            if (parameters != null && pricing != null) {
                WorkloadParameters asked = WorkloadParameters.read(parameters, pricing.profile());
                workload = asked.workload();
                valid = asked.profile() != null;
                if (valid) {
                    pricing = WorkloadPrices.model(comparison, modelId, asked.profile());
                }
            }
        }
        if (retired.isPresent()) {
            ModelSnapshot model = retired.get();
            summary = new ModelSummary(summary.id(), summary.name(), summary.vendor(), summary.releaseYear(),
                    summary.contextWindow(), ModelStatus.RETIRED, model.retiresOn(), model.successorId());
            pricing = null;
        }
        List<RelatedPair> related = live.stream()
                .sorted(Comparator.comparing((IndexedPage page) -> page.title().toLowerCase(Locale.ROOT))
                        .thenComparing(IndexedPage::pairId))
                .map(page -> new RelatedPair(page.pairId(), page.title())).toList();
        Instant lastModified = pages.stream().map(IndexedPage::renderedAt).filter(at -> at != null)
                .max(Comparator.naturalOrder()).orElse(index.lastUpdated());
        return new CalculatedPage(html(renderer.model(new ModelPage(summary, facts, related, pricing, workload)),
                lastModified), valid);
    }

    /** The 410 page of a withdrawn pair, linking those of its models that still have comparisons. */
    @Override
    public Representation gone(IndexedPage page) {
        return cached("gone:" + page.pairId() + ":" + page.revision(),
                () -> html(renderer.gone(GonePages.view(page, index,
                        comparisons.find(page.pairId()).map(StoredComparison::comparison).orElse(null))), index.lastUpdated()));
    }

    /** The 404 page for {@code path}, suggesting models that resemble {@code asked} (not kept: paths are endless). */
    @Override
    public Representation notFound(String path, List<String> asked) {
        List<ModelLink> suggestions = Suggestions.resembling(asked, models(index.live()));
        return html(renderer.notFound(new NotFoundPage(path, suggestions)), null);
    }

    public Representation sitemap() {
        return cached("sitemap", () -> Representation.of(Representation.XML, Sitemap.of(settings.baseUrl(), index.all()),
                null, index.lastUpdated()));
    }

    public Representation feed() {
        return cached("feed", () -> Representation.of(Representation.ATOM,
                AtomFeed.of(settings.baseUrl(), settings.host(), settings.siteName(), index.all()), null,
                index.lastUpdated()));
    }

    /**
     * {@code /models/{id}/feed.xml}: the changes of the model's pages; empty when the model has no live
     * comparison (as its model page).
     */
    public Optional<Representation> modelFeed(String modelId) {
        return Optional.ofNullable(cached("model-feed:" + modelId, () -> {
            List<IndexedPage> pages = index.of(modelId);
            Optional<IndexedPage> latest = pages.stream().filter(IndexedPage::live)
                    .max(Comparator.comparing(IndexedPage::lastChangedAt).thenComparing(IndexedPage::pairId));
            return latest.map(page -> Representation.of(Representation.ATOM, AtomFeed.ofModel(settings.baseUrl(),
                    settings.host(), settings.siteName(), page.model(modelId), pages), null, index.lastUpdated()))
                    .orElse(null);
        }));
    }

    public Representation stylesheet() {
        return stylesheet;
    }

    public Representation calculatorScript() {
        return calculatorScript;
    }

    /** Every model with a live comparison, by name, as its most recently changed page names it. */
    static List<ModelLink> models(List<IndexedPage> live) {
        Map<String, IndexedPage> newest = new LinkedHashMap<>();
        for (IndexedPage page : live) {
            for (ModelLink model : List.of(page.modelA(), page.modelB())) {
                newest.merge(model.id(), page, (a, b) -> b.lastChangedAt().isAfter(a.lastChangedAt()) ? b : a);
            }
        }
        return newest.entrySet().stream().map(entry -> entry.getValue().model(entry.getKey()))
                .sorted(Comparator.comparing((ModelLink model) -> model.name().toLowerCase(Locale.ROOT))
                        .thenComparing(ModelLink::id))
                .toList();
    }

    private static boolean matches(ModelLink model, String wanted) {
        return model.name().toLowerCase(Locale.ROOT).contains(wanted) || model.id().contains(wanted)
                || (model.vendor() != null && model.vendor().toLowerCase(Locale.ROOT).contains(wanted));
    }

    private static String cut(String query) {
        return query.length() <= MAX_QUERY ? query : query.substring(0, MAX_QUERY);
    }

    private Representation cached(String key, Supplier<Representation> build) {
        return cached(key, index.version(), build);
    }

    /** As {@link #cached(String, Supplier)}, for a view that also depends on other state: {@code version} grows with both. */
    private Representation cached(String key, long version, Supplier<Representation> build) {
        View view = views.get(key);
        if (view != null && view.version() == version) {
            return view.representation();
        }
        Representation built = build.get();
        views.merge(key, new View(version, built), (present, offered) -> offered.version() >= present.version() ? offered : present);
        return built;
    }

    private static Representation html(String html, Instant lastModified) {
        return Representation.of(Representation.HTML, html, null, lastModified);
    }
}
