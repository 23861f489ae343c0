package org.llmreference.page.rendering;

/**
 * A bulk load of the catalog under way, as the front page's banner tells it.
 *
 * @param loaded   how many models have been processed so far
 * @param expected how many the load will bring
 */
public record CatalogLoad(long loaded, long expected) {

    public CatalogLoad {
        if (expected < 0 || loaded < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        loaded = Math.min(loaded, expected);
    }

    /** {@code loaded} as the page writes counts, e.g. {@code 1,177}. */
    public String loadedText() {
        return Formats.count(loaded);
    }

    /** {@code expected} as the page writes counts. */
    public String expectedText() {
        return Formats.count(expected);
    }

    /** Whole per cent done, for the banner's text next to the progress bar. */
    public long percent() {
        return expected == 0 ? 100 : loaded * 100 / expected;
    }
}
