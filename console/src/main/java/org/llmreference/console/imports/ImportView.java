package org.llmreference.console.imports;

import java.util.List;

/**
 * What the import screen shows of one uploaded bundle: the preview's counts, then the progress and
 * the services' own reports once it is applied.
 *
 * @param state     {@code previewing}, {@code previewed}, {@code applying}, {@code done} or {@code failed}
 * @param expected  models the import run announced (0 before it started)
 * @param processed models catalog-service has processed so far, from {@code GET /api/imports/{id}}
 * @param phase     what the import is sending right now, in words
 */
public record ImportView(String id, String fileName, String source, String state, List<Count> preview,
        long expected, long processed, String phase, List<Report> reports, List<Rejection> rejections,
        int moreRejections, String error) {

    /** Whether the screen should look again in a moment. */
    public boolean working() {
        return state.equals("previewing") || state.equals("applying");
    }

    /** The preview of one kind of item: how many the bundle adds, changes or leaves as they are. */
    public record Count(String kind, int inBundle, int added, int changed, int unchanged) {
    }

    /** One service's report of what the import did with one kind of item. */
    public record Report(String target, int received, int created, int changed, int unchanged, int rejected) {
    }

    /** One item a service refused. */
    public record Rejection(String target, String id, String message) {
    }
}
