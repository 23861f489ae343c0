package org.llmreference.page.rendering;

import java.util.List;
import java.util.Objects;

/**
 * The front page's ways into the directory: short lists of models (cheapest with tool use, largest
 * context, newest, recently repriced), each with a link to the whole directory sorted the same way.
 */
public record EntryPoints(List<EntryList> lists) {

    public EntryPoints {
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    /**
     * @param title  e.g. {@code Cheapest with tool use}
     * @param seeAll the directory with the matching query, e.g. {@code /models?tool_use=yes&sort=output&order=asc}
     */
    public record EntryList(String id, String title, String seeAll, List<Entry> entries) {

        public EntryList {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(seeAll, "seeAll");
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    /** A model in a list, with the figure the list is about, e.g. {@code $0.20 output per 1M}. */
    public record Entry(String modelId, String name, String figure) {

        public Entry {
            Objects.requireNonNull(modelId, "modelId");
            Objects.requireNonNull(name, "name");
        }

        public String path() {
            return Links.model(modelId);
        }
    }
}
