package org.llmreference.pricing.routes;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Where a history entry's values came from.
 *
 * @param origin    {@code editor}, {@code import}, {@code history-import} or {@code sync}
 * @param commit    the upstream commit the values were read at, if any
 * @param path      the upstream file they were read from, if any
 * @param url       the upstream URL they were fetched from, if any
 * @param fetchedAt when they were fetched from {@code url}, if they were
 */
public record Provenance(String origin, String commit, String path, String url, Instant fetchedAt) {

    public static final String EDITOR = "editor";
    public static final String IMPORT = "import";
    public static final String HISTORY_IMPORT = "history-import";
    public static final String SYNC = "sync";
    private static final Set<String> ORIGINS = Set.of(EDITOR, IMPORT, HISTORY_IMPORT, SYNC);

    public Provenance {
        Objects.requireNonNull(origin, "origin");
        if (!ORIGINS.contains(origin)) {
            throw new IllegalArgumentException("unknown origin " + origin + ", expected one of " + ORIGINS);
        }
    }
}
