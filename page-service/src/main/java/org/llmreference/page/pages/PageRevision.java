package org.llmreference.page.pages;

/**
 * Where a stored page stands: its revision, and whether it is served (200) or gone (410).
 */
public record PageRevision(String pairId, long revision, boolean live) {
}
