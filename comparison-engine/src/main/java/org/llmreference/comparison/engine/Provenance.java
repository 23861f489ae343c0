package org.llmreference.comparison.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.catalog.SourceRef;
import org.llmreference.contracts.pricing.RouteSnapshot;

/** The page's footer: when its data was last reviewed, and where it comes from. */
final class Provenance {

    private Provenance() {
    }

    /** The latest review of either model's sources or verification of their routes; {@code null} when none is dated. */
    static LocalDate lastReviewed(Side a, Side b) {
        LocalDate latest = null;
        for (Side side : List.of(a, b)) {
            for (SourceRef source : side.model().sources()) {
                latest = later(latest, source == null ? null : source.reviewedAt());
            }
            for (RouteSnapshot route : side.routes()) {
                latest = later(latest, route.terms().verifiedAt());
            }
        }
        return latest;
    }

    /** Both models' sources, A's first, each once: the same URL (or, without one, the same title) is the same source. */
    static List<SourceRef> sources(Side a, Side b) {
        List<SourceRef> sources = new ArrayList<>();
        for (Side side : List.of(a, b)) {
            for (SourceRef source : side.model().sources()) {
                if (source != null && sources.stream().noneMatch(known -> sameSource(known, source))) {
                    sources.add(source);
                }
            }
        }
        return sources;
    }

    private static boolean sameSource(SourceRef one, SourceRef other) {
        if (one.url() != null || other.url() != null) {
            return Objects.equals(one.url(), other.url());
        }
        return Objects.equals(one.title(), other.title());
    }

    private static LocalDate later(LocalDate latest, LocalDate date) {
        return date != null && (latest == null || date.isAfter(latest)) ? date : latest;
    }
}
