package org.llmreference.importing.bundle;

import java.util.List;

/**
 * The dated past of many routes, as {@code POST /api/import/history} takes it: each step is one
 * upstream commit that changed a route's price, or withdrew it. Unlike a {@link CatalogBundle},
 * a history bundle changes no route in force: it only adds history.
 *
 * @param source a line saying where the history comes from, shown in logs
 */
public record HistoryBundle(String source, List<Step> steps) {

    public HistoryBundle {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A step that put the route's values in force. */
    public static final String APPLIED = "applied";
    /** A step that removed the route upstream; {@code route} holds its last values. */
    public static final String WITHDRAWN = "withdrawn";

    /**
     * One dated change of one route.
     *
     * @param at     the upstream commit's date: when the values came into force (or the route went)
     * @param kind   {@value #APPLIED} or {@value #WITHDRAWN}
     * @param commit the upstream commit id (40 hex digits); with the route, it identifies the step
     * @param path   the upstream file the values were read from at that commit
     * @param route  the route (model and provider ids) and its values at that commit
     */
    public record Step(java.time.Instant at, String kind, String commit, String path, RouteEntry route) {
    }
}
