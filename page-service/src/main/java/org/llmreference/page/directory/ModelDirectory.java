package org.llmreference.page.directory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.llmreference.contracts.catalog.ModelStatus;
import org.llmreference.page.facts.FactsView;
import org.llmreference.page.http.LeastRecentlyUsed;
import org.llmreference.page.http.Representation;
import org.llmreference.page.listing.Directory;
import org.llmreference.page.listing.DirectoryQuery;
import org.llmreference.page.listing.DirectoryRow;
import org.llmreference.page.listing.DirectorySort;
import org.llmreference.page.rendering.DirectoryPage;
import org.llmreference.page.rendering.EntryPoints;
import org.llmreference.page.rendering.PageRenderer;
import org.springframework.stereotype.Component;

/**
 * The model directory as page-service serves it: a {@link Directory} over the {@link FactsView},
 * rebuilt when the view's version moves, the rendered {@code /models} pages kept (bounded, least
 * recently used out first) per query until then, and the front page's entry points.
 */
@Component
public class ModelDirectory {

    /** How many models each entry-point list on the front page shows. */
    static final int ENTRIES = 5;

    private final FactsView facts;
    private final PageRenderer renderer;
    private final LeastRecentlyUsed<String, Representation> pages = new LeastRecentlyUsed<>(500, 16L * 1024 * 1024,
            Representation::weight);
    private volatile Snapshot snapshot = new Snapshot(-1, new Directory(List.of()), List.of());

    /** The directory at one version of the facts view, with the vendors of its live models. */
    private record Snapshot(long version, Directory directory, List<String> vendors) {
    }

    /** What {@code /models} answers: 200 with the page, or 400 with the form and its messages. */
    public record Answer(boolean valid, Representation representation) {
    }

    public ModelDirectory(FactsView facts, PageRenderer renderer) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** The directory over the facts as they are now. */
    public Directory directory() {
        return current().directory();
    }

    /** The version of the facts the directory reflects, for entity tags and cache keys. */
    public long version() {
        return current().version();
    }

    /** {@code /models?...}: the page {@code parameters} ask for, or the form with what is wrong with them. */
    public Answer page(Map<String, String> parameters) {
        Snapshot now = current();
        DirectoryQuery.Reading reading = DirectoryQuery.read(parameters);
        if (!reading.valid()) {
            return new Answer(false, html(new DirectoryPage(parameters, reading.errors(), null, now.vendors())));
        }
        Directory.Result result = now.directory().query(reading.query());
        if (result.pastTheEnd()) {
            return new Answer(false, html(new DirectoryPage(parameters,
                    Map.of("page", "page " + reading.query().page() + " is past the last page, " + result.pages() + "."),
                    null, now.vendors())));
        }
        String key = now.version() + reading.query().queryString();
        Representation cached = pages.get(key);
        if (cached != null) {
            return new Answer(true, cached);
        }
        Representation built = html(new DirectoryPage(parameters, Map.of(), result, now.vendors()));
        pages.put(key, built);
        return new Answer(true, built);
    }

    /** The front page's lists: cheapest with tool use, largest context, newest, recently repriced. */
    public EntryPoints entryPoints() {
        Directory directory = directory();
        DirectoryQuery all = DirectoryQuery.all();
        DirectoryQuery toolUse = DirectoryQuery.read(Map.of("tool_use", "yes")).query();
        return new EntryPoints(List.of(
                list(directory, "cheapest-tool-use", "Cheapest with tool use",
                        toolUse.sortedBy(DirectorySort.OUTPUT, false),
                        row -> row.cheapestOutput() == null ? null : price(row.cheapestOutput()) + " output per 1M"),
                list(directory, "largest-context", "Largest context", all.sortedBy(DirectorySort.CONTEXT, true),
                        row -> row.contextWindow() == null ? null : String.format(Locale.ROOT, "%,d tokens", row.contextWindow())),
                list(directory, "newest", "Newest", all.sortedBy(DirectorySort.RELEASED, true),
                        row -> row.releaseDate() == null ? null : "released " + row.releaseDate()),
                list(directory, "recently-repriced", "Recently repriced", all.sortedBy(DirectorySort.REPRICED, true),
                        row -> row.lastRepricedAt() == null ? null
                                : "repriced " + row.lastRepricedAt().toString().substring(0, 10))));
    }

    private static EntryPoints.EntryList list(Directory directory, String id, String title, DirectoryQuery query,
            Function<DirectoryRow, String> figure) {
        List<EntryPoints.Entry> entries = new ArrayList<>();
        for (DirectoryRow row : directory.query(query).rows()) {
            String shown = figure.apply(row);
            if (shown == null) {
                break; // rows without the figure sort last: the rest have none either
            }
            entries.add(new EntryPoints.Entry(row.id(), row.name(), shown));
            if (entries.size() == ENTRIES) {
                break;
            }
        }
        return new EntryPoints.EntryList(id, title, "/models" + query.queryString(), entries);
    }

    private static String price(BigDecimal price) {
        BigDecimal plain = price.stripTrailingZeros();
        return "$" + plain.setScale(Math.max(2, plain.scale())).toPlainString();
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        long version = facts.version();
        if (known.version() == version) {
            return known;
        }
        synchronized (this) {
            if (snapshot.version() != version) {
                Directory directory = Directory.of(facts.models(), facts::routes);
                TreeMap<String, String> vendors = new TreeMap<>();
                directory.rows().stream().filter(row -> row.status() != ModelStatus.RETIRED && row.vendor() != null)
                        .forEach(row -> vendors.putIfAbsent(row.vendor().toLowerCase(Locale.ROOT), row.vendor()));
                snapshot = new Snapshot(version, directory, List.copyOf(vendors.values()));
            }
            return snapshot;
        }
    }

    private Representation html(DirectoryPage page) {
        return Representation.of(Representation.HTML, renderer.directory(page), null, null);
    }
}
