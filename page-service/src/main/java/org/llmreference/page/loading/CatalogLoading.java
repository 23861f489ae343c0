package org.llmreference.page.loading;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.imports.ImportEvent;
import org.llmreference.contracts.imports.ImportProgressed;
import org.llmreference.page.rendering.CatalogLoad;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The newest bulk load of the catalog, as {@code catalog.imports.v1} tells it (kept in memory: the
 * compacted topic is read from its start on every start). The front page shows a banner while that
 * run goes on. A run that has not moved for {@code llmref.page.loading.stall-after} (the importer was
 * stopped half-way) counts as stalled, and the banner goes.
 */
@Component
public class CatalogLoading {

    /** The newest run first: the latest start, then the most recent step of that run. */
    private static final Comparator<ImportProgressed> NEWEST = Comparator.comparing(ImportProgressed::startedAt)
            .thenComparing(ImportProgressed::importId).thenComparing(ImportProgressed::stored)
            .thenComparing(ImportProgressed::updatedAt);

    private final AtomicReference<ImportProgressed> newest = new AtomicReference<>();
    private final Clock clock;
    private final Duration stallAfter;

    CatalogLoading(Clock clock, @Value("${llmref.page.loading.stall-after:10m}") Duration stallAfter) {
        this.clock = clock;
        this.stallAfter = stallAfter;
    }

    /** Takes one step of a run; an older run, or an older step of the newest run, changes nothing. */
    Outcome apply(Envelope<ImportEvent> event) {
        ImportProgressed step = event.payload().match(progressed -> progressed);
        ImportProgressed before = newest.getAndAccumulate(step,
                (present, offered) -> present == null || NEWEST.compare(offered, present) > 0
                        || (offered.importId().equals(present.importId()) && offered.finished() && !present.finished())
                                ? offered : present);
        return before == null || newest.get() != before ? Outcome.APPLIED : Outcome.STALE;
    }

    /** The load the front page tells of now: the newest run, unless it finished or stalled. */
    public Optional<CatalogLoad> current() {
        ImportProgressed run = newest.get();
        if (run == null || run.finished() || run.updatedAt().plus(stallAfter).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new CatalogLoad(run.stored(), run.expected()));
    }
}
