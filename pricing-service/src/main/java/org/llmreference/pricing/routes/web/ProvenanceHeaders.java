package org.llmreference.pricing.routes.web;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.pricing.routes.Provenance;
import org.springframework.http.HttpHeaders;

/**
 * The request headers by which the upstream sync says where a route change comes from. Without
 * {@value #ORIGIN} a change is an editor's. With {@code X-Llmref-Origin: sync} it needs the upstream
 * commit (a models.dev checkout) or the URL it fetched (models.dev's api.json), and may name the file
 * and the fetch time. Every value is checked; a wrong one is a 400 that names the header.
 */
final class ProvenanceHeaders {

    static final String ORIGIN = "X-Llmref-Origin";
    static final String COMMIT = "X-Llmref-Upstream-Commit";
    static final String PATH = "X-Llmref-Upstream-Path";
    static final String URL = "X-Llmref-Upstream-Url";
    static final String FETCHED_AT = "X-Llmref-Upstream-Fetched-At";
    /** On the answer to a sync's put: the terms that kept our value because an editor changed them. */
    static final String SYNC_CONFLICT = "X-Llmref-Sync-Conflict";

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{7,64}");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._@+:=,~ -]+(/[A-Za-z0-9._@+:=,~ -]+)*");
    private static final int MAX_PATH = 512;
    private static final int MAX_URL = 2048;

    private ProvenanceHeaders() {
    }

    static Provenance read(HttpHeaders headers) {
        String origin = headers.getFirst(ORIGIN);
        String commit = headers.getFirst(COMMIT);
        String path = headers.getFirst(PATH);
        String url = headers.getFirst(URL);
        String fetchedAt = headers.getFirst(FETCHED_AT);
        List<FieldViolation> violations = new ArrayList<>();
        if (origin == null || origin.equals(Provenance.EDITOR)) {
            for (String header : List.of(COMMIT, PATH, URL, FETCHED_AT)) {
                if (headers.getFirst(header) != null) {
                    violations.add(new FieldViolation(header, "needs-sync-origin",
                            header + " describes an upstream change: send it with " + ORIGIN + ": sync"));
                }
            }
            refuseIfAny(violations);
            return new Provenance(Provenance.EDITOR, null, null, null, null);
        }
        if (!origin.equals(Provenance.SYNC)) {
            throw ApiProblem.invalid(ORIGIN, "origin", ORIGIN + " must be 'sync' (or left out for an editor's change), not '"
                    + printable(origin) + "'");
        }
        if (commit != null && !COMMIT_ID.matcher(commit).matches()) {
            violations.add(new FieldViolation(COMMIT, "commit-id", "must be a git commit id (7 to 64 lowercase hex digits)"));
        }
        if (path != null && (path.length() > MAX_PATH || !SAFE_PATH.matcher(path).matches()
                || List.of(path.split("/")).contains(".."))) {
            violations.add(new FieldViolation(PATH, "relative-path",
                    "must be a relative path inside the upstream repository (at most " + MAX_PATH + " characters, no '..')"));
        }
        if (url != null && !httpUrl(url)) {
            violations.add(new FieldViolation(URL, "http-url", "must be an absolute http(s) URL of at most " + MAX_URL + " characters"));
        }
        Instant fetched = null;
        if (fetchedAt != null) {
            try {
                fetched = Instant.parse(fetchedAt);
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation(FETCHED_AT, "instant", "must be an ISO-8601 instant such as 2026-12-04T12:00:00Z"));
            }
        }
        if (commit == null && url == null) {
            violations.add(new FieldViolation(COMMIT, "required",
                    "a sync change needs " + COMMIT + " (checkout) or " + URL + " (api.json)"));
        }
        refuseIfAny(violations);
        return new Provenance(Provenance.SYNC, commit, path, url, fetched);
    }

    private static boolean httpUrl(String value) {
        if (value.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static void refuseIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
    }
}
