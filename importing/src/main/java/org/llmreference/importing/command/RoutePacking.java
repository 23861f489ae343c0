package org.llmreference.importing.command;

import java.util.ArrayList;
import java.util.List;

import org.llmreference.importing.bundle.RouteEntry;

/**
 * How routes are packed into requests: whole model by whole model, at most {@code chunk} routes per
 * request unless one model has more, so an import moves a model's price list by one revision.
 */
final class RoutePacking {

    private RoutePacking() {
    }

    /** The requests for {@code routes}, in their order; the routes of one model must be adjacent. */
    static List<List<RouteEntry>> requests(List<RouteEntry> routes, int chunk) {
        List<List<RouteEntry>> requests = new ArrayList<>();
        List<RouteEntry> request = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            request.add(routes.get(i));
            boolean modelEnds = i + 1 == routes.size() || !routes.get(i + 1).modelId().equals(routes.get(i).modelId());
            boolean full = i + 1 < routes.size() && request.size() + modelSize(routes, i + 1) > chunk;
            if (i + 1 == routes.size() || (modelEnds && full)) {
                requests.add(List.copyOf(request));
                request.clear();
            }
        }
        return requests;
    }

    /** How many routes the model starting at {@code start} has (routes of one model are adjacent). */
    private static int modelSize(List<RouteEntry> routes, int start) {
        int end = start;
        while (end < routes.size() && routes.get(end).modelId().equals(routes.get(start).modelId())) {
            end++;
        }
        return end - start;
    }
}
