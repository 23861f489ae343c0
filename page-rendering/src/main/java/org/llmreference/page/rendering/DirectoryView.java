package org.llmreference.page.rendering;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.llmreference.page.listing.Capability;
import org.llmreference.page.listing.DirectoryQuery;
import org.llmreference.page.listing.DirectoryRow;
import org.llmreference.page.listing.DirectorySort;

/** What {@code directory.jte} shows: the form's values and messages, the table's cells and links. */
final class DirectoryView {

    static final String PATH = "/models";

    private final Site site;
    private final DirectoryPage page;

    DirectoryView(Site site, DirectoryPage page) {
        this.site = site;
        this.page = page;
    }

    Site site() {
        return site;
    }

    DirectoryPage page() {
        return page;
    }

    List<Capability> capabilities() {
        return List.of(Capability.values());
    }

    List<DirectorySort> sorts() {
        return List.of(DirectorySort.values());
    }

    /**
     * The filters folded under "More filters", so that on a phone the table is not below twenty
     * fields: the release dates, every capability, open weights and status.
     */
    List<String> foldedFilters() {
        List<String> names = new java.util.ArrayList<>(List.of("released_from", "released_to"));
        capabilities().forEach(capability -> names.add(capability.parameter()));
        names.addAll(List.of("open_weights", "status"));
        return names;
    }

    /** How many of the folded filters the visitor set (a date, or a choice other than "any"). */
    int foldedFiltersSet() {
        return (int) foldedFilters().stream().map(this::value).map(String::strip)
                .filter(value -> !value.isEmpty() && !value.equals("any")).count();
    }

    /** The fold is open when one of its filters is set or wrong, so nothing chosen is hidden. */
    boolean foldOpen() {
        return foldedFiltersSet() > 0 || foldedFilters().stream().anyMatch(name -> error(name) != null);
    }

    /** What the fold's summary says it holds, with how many of them are set. */
    String foldSummary() {
        int set = foldedFiltersSet();
        return "More filters: capabilities, release date, open weights, status"
                + (set == 0 ? "" : " (" + set + " set)");
    }

    /** The value the visitor gave for {@code name}, or the empty string. */
    String value(String name) {
        return page.values().getOrDefault(name, "");
    }

    /** Whether the visitor chose {@code option} for {@code name} ({@code fallback} is chosen when nothing was). */
    boolean chosen(String name, String option, String fallback) {
        String given = page.values().get(name);
        return given == null || given.isBlank() ? option.equals(fallback) : option.equals(given.strip());
    }

    String error(String name) {
        return page.errors().get(name);
    }

    boolean invalid() {
        return !page.errors().isEmpty();
    }

    List<DirectoryRow> rows() {
        return page.result() == null ? List.of() : page.result().rows();
    }

    /** The canonical URL of the first page, for the default query only (filtered views are noindex). */
    String canonical() {
        return !invalid() && page.result().query().parameters().isEmpty() ? site.baseUrl() + PATH : null;
    }

    boolean noindex() {
        return canonical() == null;
    }

    /** "Models 51 to 100 of 312". */
    String range() {
        var result = page.result();
        if (result.total() == 0) {
            return "No model matches these filters.";
        }
        int first = (result.query().page() - 1) * DirectoryQuery.PAGE_SIZE + 1;
        int last = first + result.rows().size() - 1;
        return "Models " + Formats.count(first) + " to " + Formats.count(last) + " of " + Formats.count(result.total())
                + (result.total() == 1 ? " model" : " models") + ", page " + result.query().page() + " of "
                + result.pages() + ".";
    }

    String previous() {
        var query = page.result().query();
        return query.page() > 1 ? PATH + query.atPage(query.page() - 1).queryString() : null;
    }

    String next() {
        var result = page.result();
        return result.query().page() < result.pages() ? PATH + result.query().atPage(result.query().page() + 1).queryString()
                : null;
    }

    /** The link of a column header: sorts by it ascending, or flips the order when already sorted by it. */
    String sortLink(DirectorySort column) {
        var query = page.result().query();
        boolean descending = query.sort() == column ? !query.descending() : false;
        return PATH + query.sortedBy(column, descending).queryString();
    }

    /** {@code aria-sort} of a column header: ascending, descending or none. */
    String ariaSort(DirectorySort column) {
        var query = page.result().query();
        return query.sort() != column ? "none" : query.descending() ? "descending" : "ascending";
    }

    String sortMark(DirectorySort column) {
        var query = page.result().query();
        return query.sort() != column ? "" : query.descending() ? " ↓" : " ↑";
    }

    String model(DirectoryRow row) {
        return Links.model(row.id());
    }

    String vendor(DirectoryRow row) {
        return Formats.text(row.vendor());
    }

    String context(DirectoryRow row) {
        return row.contextWindow() == null ? Formats.UNKNOWN : Formats.count(row.contextWindow());
    }

    String price(BigDecimal price) {
        return price == null ? Formats.UNKNOWN : Formats.price(price);
    }

    /** The capabilities the model has, comma-separated; "-" when none is known to be there. */
    String capabilities(DirectoryRow row) {
        List<String> has = new ArrayList<>();
        for (Capability capability : Capability.values()) {
            if (Boolean.TRUE.equals(capability.of(row.capabilities()))) {
                has.add(capability.label());
            }
        }
        return has.isEmpty() ? Formats.UNKNOWN : String.join(", ", has);
    }

    String openWeights(DirectoryRow row) {
        return row.openWeights() == null ? Formats.UNKNOWN : row.openWeights() ? "Yes" : "No";
    }

    String released(DirectoryRow row) {
        return row.releaseDate() == null ? Formats.UNKNOWN : Formats.date(row.releaseDate());
    }

    String status(DirectoryRow row) {
        return switch (row.status()) {
            case ACTIVE -> "Active";
            case DEPRECATED -> "Deprecated";
            case RETIRED -> "Retired";
        };
    }
}
