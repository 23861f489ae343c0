package org.llmreference.bench.site.propagation;

import java.util.List;

/**
 * One edit of B1.
 *
 * @param millis         from just before the PUT to the answer that showed the new price on the last
 *                       of the model's pages; infinite when a page did not within the timeout
 * @param putMillis      the PUT alone
 * @param timedOutPages  the pages that did not show it in time, with the status they last answered
 */
record EditResult(int number, EditPlanner.PlannedEdit planned, String providerId, int pages, double millis,
        double putMillis, int polls, List<String> timedOutPages) {

    /** An edit that could not be made or followed because a service did not answer in time. */
    static EditResult unanswered(int number, EditPlanner.PlannedEdit planned, String why) {
        return new EditResult(number, planned, "-", planned.pages(), Double.POSITIVE_INFINITY, Double.NaN, 0,
                List.of("no answer: " + why));
    }

    boolean timedOut() {
        return !timedOutPages.isEmpty();
    }

    String csvLine() {
        return String.join(",", String.valueOf(number), planned.modelId(), planned.group().name(), providerId,
                String.valueOf(pages), Double.isFinite(millis) ? String.format(java.util.Locale.ROOT, "%.3f", millis) : "timeout",
                String.format(java.util.Locale.ROOT, "%.3f", putMillis), String.valueOf(polls), String.valueOf(timedOutPages.size()));
    }

    static final String CSV_HEADER = "edit,model,group,provider,pages,millis_to_last_page,put_millis,polls,pages_timed_out";
}
