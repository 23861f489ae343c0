package org.llmreference.comparison.recompute;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.llmreference.contracts.PairId;
import org.llmreference.contracts.comparison.Comparison;

/** What to publish about one pair, at the pair's next revision. */
public sealed interface Publication permits Publication.Changed, Publication.Withdrawn {

    PairId pair();

    long revision();

    /**
     * The pair's comparison differs from the last one published (or is its first).
     *
     * @param contentHash     hash of the whole comparison
     * @param sectionHashes   hash of each section, to name the sections the next change touches
     * @param changedSections the sections that differ from the previous revision (all of them for a first one)
     */
    record Changed(PairId pair, long revision, Comparison comparison, String contentHash,
            Map<String, String> sectionHashes, List<String> changedSections) implements Publication {

        public Changed {
            Objects.requireNonNull(comparison, "comparison");
            sectionHashes = Map.copyOf(sectionHashes);
            changedSections = List.copyOf(changedSections);
        }

        /**
         * A comparison as it was published (read back from the topic), with the section hashes
         * computed again from it.
         */
        public static Changed asPublished(PairId pair, long revision, Comparison comparison, String contentHash,
                List<String> changedSections) {
            return new Changed(pair, revision, comparison, contentHash, ContentHash.of(comparison).sections(),
                    changedSections);
        }
    }

    /** The pair no longer has a page. */
    record Withdrawn(PairId pair, long revision, String reason) implements Publication {
    }

    /** The state this publication leaves the pair in, once stored. */
    default PublishedPair after() {
        if (this instanceof Changed changed) {
            return new PublishedPair(pair(), revision(), true, changed.contentHash(), changed.sectionHashes());
        }
        return new PublishedPair(pair(), revision(), false, null, Map.of());
    }
}
