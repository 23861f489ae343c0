package org.llmreference.page.loading;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    /** A run's step and its revision (strictly increasing within the run). */
    private record Step(ImportProgressed run, long revision) {

        /** {@code true} when this step is later than {@code other}: a later step of the same run, or a later run. */
        boolean newerThan(Step other) {
            if (run.importId().equals(other.run.importId())) {
                return revision > other.revision;
            }
            int byStart = run.startedAt().compareTo(other.run.startedAt());
            return byStart != 0 ? byStart > 0 : run.importId().compareTo(other.run.importId()) > 0;
        }
    }

    private final AtomicReference<Step> newest = new AtomicReference<>();
    private final Clock clock;
    private final Duration stallAfter;

    CatalogLoading(Clock clock, @Value("${llmref.page.loading.stall-after:10m}") Duration stallAfter) {
        this.clock = clock;
        this.stallAfter = stallAfter;
    }

    /** Takes one step of a run; an older run, or an older step of the newest run, changes nothing. */
    Outcome apply(Envelope<ImportEvent> event) {
        Step step = new Step(event.payload().match(progressed -> progressed), event.revision());
        Step before = newest.getAndAccumulate(step,
                (present, offered) -> present == null || offered.newerThan(present) ? offered : present);
        return before == null || step.newerThan(before) ? Outcome.APPLIED : Outcome.STALE;
    }

    /** The load the front page tells of now: the newest run, unless it finished or stalled. */
    public Optional<CatalogLoad> current() {
        Step step = newest.get();
        ImportProgressed run = step == null ? null : step.run();
        if (run == null || run.finished() || run.updatedAt().plus(stallAfter).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new CatalogLoad(run.stored(), run.expected()));
    }
}
