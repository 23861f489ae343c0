package org.llmreference.page.reach;

import java.time.Instant;

/**
 * One page an edit ({@code causedBy}) reached: the page's pair and public path, the revision the edit gave it, whether
 * it is served (or gone), whether its content changed (or only its revision moved) and when it was stored.
 */
public record PageReached(String causedBy, String pairId, String path, long revision, boolean live, boolean changed, Instant at) {

    /** The public path of a pair's comparison page. */
    public static String pathOf(String pairId) {
        return "/compare/" + pairId;
    }
}
