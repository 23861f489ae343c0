package org.llmreference.page.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;

/**
 * The model directory (served by page-service's {@code page.directory}) over one state of the catalog and price lists: every model as a
 * {@link DirectoryRow}, filtered, sorted and cut into pages by a {@link DirectoryQuery}. Immutable and
 * thread-safe; pure (no clock, no I/O).
 */
public final class Directory {

    private final List<DirectoryRow> rows;

    public Directory(List<DirectoryRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The directory of {@code models}, each priced by its routes. */
    public static Directory of(List<ModelSnapshot> models, Function<String, List<RouteSnapshot>> routes) {
        List<DirectoryRow> rows = new ArrayList<>(models.size());
        for (ModelSnapshot model : models) {
            rows.add(DirectoryRow.of(model, routes.apply(model.id())));
        }
        return new Directory(rows);
    }

    /** Every row, in any status, in the order given. */
    public List<DirectoryRow> rows() {
        return rows;
    }

    /** The rows matching {@code query}, sorted, and the page it asks for (empty past the last page). */
    public Result query(DirectoryQuery query) {
        List<DirectoryRow> matching = new ArrayList<>();
        for (DirectoryRow row : rows) {
            if (query.matches(row)) {
                matching.add(row);
            }
        }
        matching.sort(query.sort().comparator(query.descending()));
        int total = matching.size();
        int from = Math.min(total, (int) Math.min(Integer.MAX_VALUE, (long) (query.page() - 1) * DirectoryQuery.PAGE_SIZE));
        int to = Math.min(total, from + DirectoryQuery.PAGE_SIZE);
        return new Result(query, List.copyOf(matching.subList(from, to)), total);
    }

    /**
     * One page of the directory.
     *
     * @param rows  the rows of the asked page
     * @param total how many rows match, on every page
     */
    public record Result(DirectoryQuery query, List<DirectoryRow> rows, int total) {

        /** How many pages the matching rows fill (at least 1, an empty result being one empty page). */
        public int pages() {
            return Math.max(1, (total + DirectoryQuery.PAGE_SIZE - 1) / DirectoryQuery.PAGE_SIZE);
        }

        /** Whether the query asks for a page after the last one. */
        public boolean pastTheEnd() {
            return query.page() > pages();
        }
    }
}
