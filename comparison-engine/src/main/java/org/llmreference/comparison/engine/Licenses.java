package org.llmreference.comparison.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.llmreference.contracts.catalog.ModelSnapshot;

/** What the page says about a model's licence, and how open the verdict counts it. */
final class Licenses {

    static final BigDecimal OPEN_SOURCE = new BigDecimal("1.00");
    static final BigDecimal OPEN_WEIGHTS = new BigDecimal("0.60");
    static final BigDecimal RESTRICTED = new BigDecimal("0.20");

    /** Licence families that contain their name in any spelling: "Apache 2.0", "BSD-3-Clause", "AGPL-3.0", "CC-BY-4.0". */
    private static final List<String> OPEN_SOURCE_NAMES = List.of("apache", "bsd", "gpl", "unlicense", "cc-by", "cc0");

    /**
     * Short licence names that also occur inside ordinary words ("limited", "discretion",
     * "example"), so they count only as words of their own: "MIT", "MPL-2.0", "ISC".
     */
    private static final Pattern OPEN_SOURCE_WORDS = Pattern.compile("(?<![a-z0-9])(mit|mpl|isc)(?![a-z])");

    private Licenses() {
    }

    /** "Apache 2.0" as sourced; else "Open Weights" or "Proprietary" from the weights flag; {@code null} when unknown. */
    static String label(ModelSnapshot model) {
        if (Models.blankToNull(model.license()) != null) {
            return model.license();
        }
        if (Boolean.TRUE.equals(model.openWeights())) {
            return "Open Weights";
        }
        if (Boolean.FALSE.equals(model.openWeights())) {
            return "Proprietary";
        }
        return null;
    }

    /**
     * 1.00 for an open-source licence, 0.60 for other open weights (community licences included),
     * 0.20 for closed weights or a named licence that is neither; {@code null} when nothing is
     * sourced.
     */
    static BigDecimal openness(ModelSnapshot model) {
        String license = Models.blankToNull(model.license());
        if (license != null && namesOpenSourceLicense(license)) {
            return OPEN_SOURCE;
        }
        if (Boolean.TRUE.equals(model.openWeights())) {
            return OPEN_WEIGHTS;
        }
        if (Boolean.FALSE.equals(model.openWeights()) || license != null) {
            return RESTRICTED;
        }
        return null;
    }

    static boolean namesOpenSourceLicense(String license) {
        String text = license.toLowerCase(Locale.ROOT);
        return OPEN_SOURCE_NAMES.stream().anyMatch(text::contains) || OPEN_SOURCE_WORDS.matcher(text).find();
    }
}
