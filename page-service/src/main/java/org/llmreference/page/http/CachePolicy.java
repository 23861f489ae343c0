package org.llmreference.page.http;

/** The {@code Cache-Control} of each kind of answer. */
public final class CachePolicy {

    /** Pages, the feed and the sitemap: shared caches may keep them a minute, then revalidate (ETag). */
    public static final String PAGE = "public, max-age=60";
    /** The front page while a bulk load runs: its banner moves, so every cache asks again (ETag) each time. */
    public static final String WHILE_LOADING = "no-cache";
    /** The stylesheet changes only with a release. */
    public static final String STYLESHEET = "public, max-age=604800";
    /** A pair's canonical order never changes. */
    public static final String REDIRECT = "public, max-age=86400";
    /** A missing page may appear with the next event: always ask again. */
    public static final String NOT_FOUND = "no-cache";

    /** A page at a visitor's workload: for that visitor only, never kept as the page. */
    public static final String WORKLOAD = "private, no-store";

    private CachePolicy() {
    }
}
