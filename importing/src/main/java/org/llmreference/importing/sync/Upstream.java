package org.llmreference.importing.sync;

import java.time.Instant;
import java.util.Objects;

import org.llmreference.importing.bundle.CatalogBundle;

/**
 * What the sync read upstream: the bundle our importer makes of it, and where it was read, which
 * every change it causes carries as its provenance.
 *
 * @param commit    the upstream commit of a checkout (null for an api.json)
 * @param url       the api.json URL fetched (null for a checkout)
 * @param fetchedAt when the api.json was fetched, or the commit's date for a checkout
 */
record Upstream(CatalogBundle bundle, String commit, String url, Instant fetchedAt) {

    Upstream {
        Objects.requireNonNull(bundle, "bundle");
        if (commit == null && url == null) {
            throw new IllegalArgumentException("an upstream state needs a commit or a URL");
        }
    }

    /** A line for the output: which commit or URL. */
    String describe() {
        return commit != null ? "commit " + commit.substring(0, Math.min(12, commit.length())) + " (" + fetchedAt + ")"
                : url + " fetched at " + fetchedAt;
    }
}
