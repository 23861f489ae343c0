package org.llmreference.comparison.recompute;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.llmreference.comparison.recompute.ComparisonSet.SourceChange;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.comparison.Comparison;

/**
 * What a proposed source change would do to the pages, before anyone stores it: the change is
 * applied to a {@linkplain ComparisonSet#copy() copy} of the set, which works out the affected pairs
 * exactly as a real change would (a price list: the model's pairs; a model: also the neighbourhood
 * whose graph it moves), and each affected pair is computed on both sides with the same engine. The
 * set given is left as it was; nothing is planned, stored or committed.
 */
public final class Preview {

    private Preview() {
    }

    /** How a page's existence changes: it stays, joins the graph or leaves it. */
    public enum Status {
        KEPT, ADDED, REMOVED
    }

    /**
     * One affected page.
     *
     * @param before  the comparison as published now; empty for a page the change adds
     * @param after   the comparison after the change; empty for a page the change removes
     * @param changed whether the page's content differs, i.e. whether the change would republish it
     * @param changedSections the sections that differ (all of them for an added page, none for a removed one)
     */
    public record Page(PairId pair, Status status, Optional<Comparison> before, Optional<Comparison> after,
            boolean changed, List<String> changedSections) {

        public Page {
            Objects.requireNonNull(pair, "pair");
            Objects.requireNonNull(status, "status");
            changedSections = List.copyOf(changedSections);
        }

        /** The page's title: after the change, or as it was for a removed page. */
        public String title() {
            return after.or(() -> before).map(Comparison::title).orElse(pair.toString());
        }
    }

    /**
     * The pages {@code change} would affect if applied to {@code current}, in pair id order.
     * {@code current} is not changed; the caller must hold it still (or pass a copy) meanwhile.
     */
    public static List<Page> of(ComparisonSet current, SourceChange change) {
        ComparisonSet proposed = current.copy();
        ComparisonSet.Work work = proposed.changedWork(List.of(change));
        List<Page> pages = new ArrayList<>();
        for (PairId pair : work.pairs()) {
            Optional<Comparison> before = current.compute(pair);
            Optional<Comparison> after = proposed.compute(pair);
            if (before.isEmpty() && after.isEmpty()) {
                continue;
            }
            Status status = before.isEmpty() ? Status.ADDED : after.isEmpty() ? Status.REMOVED : Status.KEPT;
            List<String> sections = new ArrayList<>();
            if (status == Status.KEPT) {
                ContentHash.Hashes was = ContentHash.of(before.get());
                ContentHash.Hashes will = ContentHash.of(after.get());
                will.sections().forEach((section, hash) -> {
                    if (!hash.equals(was.sections().get(section))) {
                        sections.add(section);
                    }
                });
            } else if (status == Status.ADDED) {
                sections.addAll(ContentHash.of(after.get()).sections().keySet());
            }
            pages.add(new Page(pair, status, before, after, status != Status.KEPT || !sections.isEmpty(), sections));
        }
        return pages;
    }
}
