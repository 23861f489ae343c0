package org.llmreference.pricing.routes;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a route change came from: an editor, a bulk import, the history import or the upstream sync,
 * and for the upstream ones which upstream state it carries.
 *
 * @param origin    {@code editor}, {@code import}, {@code history-import} or {@code sync}
 * @param commit    the upstream commit the values were read at (a checkout), if known
 * @param path      the upstream file the values were read from, if known
 * @param url       the upstream URL the values were fetched from (models.dev's api.json), if any
 * @param fetchedAt when that URL was fetched, if it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String origin, String commit, String path, String url, Instant fetchedAt) {

    public static final String EDITOR = "editor";
    public static final String IMPORT = "import";
    public static final String HISTORY_IMPORT = "history-import";
    public static final String SYNC = "sync";
    public static final Set<String> ORIGINS = Set.of(EDITOR, IMPORT, HISTORY_IMPORT, SYNC);

    public Provenance {
        Objects.requireNonNull(origin, "origin");
        if (!ORIGINS.contains(origin)) {
            throw new IllegalArgumentException("origin must be one of " + ORIGINS + ", was " + origin);
        }
    }

    /** An editor's change through the API. */
    public static Provenance editor() {
        return new Provenance(EDITOR, null, null, null, null);
    }

    /** Whether the values came from upstream (an import, the history import or the sync) rather than an editor. */
    @JsonIgnore
    public boolean upstream() {
        return !EDITOR.equals(origin);
    }
}
