package org.llmreference.pricing.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.llmreference.contracts.pricing.UpstreamSource;
import org.llmreference.platform.web.FieldViolation;

/** What an imported or synced route's upstream source, or a history step's commit and path, must look like. */
public final class UpstreamRules {

    public static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    static final int MAX_TEXT = 1000;
    static final int MAX_FOLDED = 200;

    private UpstreamRules() {
    }

    public static List<FieldViolation> violations(UpstreamSource upstream) {
        List<FieldViolation> violations = new ArrayList<>();
        if (upstream == null) {
            return violations;
        }
        text(violations, "upstream.providerModelId", upstream.providerModelId());
        text(violations, "upstream.path", upstream.path());
        if (upstream.commit() != null) {
            commit(violations, "upstream.commit", upstream.commit());
        }
        if (upstream.alsoFolded().size() > MAX_FOLDED) {
            violations.add(new FieldViolation("upstream.alsoFolded", "max-size", "at most " + MAX_FOLDED + " files"));
        }
        upstream.alsoFolded().forEach(path -> text(violations, "upstream.alsoFolded", path));
        return violations;
    }

    public static void commit(List<FieldViolation> violations, String field, String commit) {
        if (commit == null || !COMMIT.matcher(commit).matches()) {
            violations.add(new FieldViolation(field, "commit-id",
                    "must be a full git commit id (40 lowercase hex digits), was '" + commit + "'"));
        }
    }

    public static void text(List<FieldViolation> violations, String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            violations.add(new FieldViolation(field, "required", "must be a non-blank text of at most " + MAX_TEXT
                    + " characters"));
        }
    }
}
