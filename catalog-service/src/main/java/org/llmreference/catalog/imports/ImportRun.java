package org.llmreference.catalog.imports;

import java.time.Instant;
import java.util.Objects;

import org.llmreference.contracts.imports.ImportProgressed;

/**
 * One bulk load of the catalog: the importer announces how many models it will send, then each
 * chunk it sends moves {@code processed} on, until every announced model was processed.
 *
 * @param id         the run's id
 * @param revision   grows with every step, starting at 1
 * @param source     what is being loaded, as the importer named it; may be null
 * @param expected   how many models the run will send
 * @param processed  how many of them catalog-service has processed (stored, unchanged or rejected)
 * @param startedAt  when the run was announced
 * @param updatedAt  when it last moved
 * @param finishedAt when {@code processed} reached {@code expected}; null until then
 */
public record ImportRun(String id, long revision, String source, long expected, long processed, Instant startedAt,
        Instant updatedAt, Instant finishedAt) {

    public ImportRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A run that has processed nothing yet; a run expecting no models is finished at once. */
    static ImportRun start(String id, String source, long expected, Instant at) {
        return new ImportRun(id, 1, source, expected, 0, at, at, expected == 0 ? at : null);
    }

    /** The run after {@code models} more models were processed; it finishes when it reaches {@code expected}. */
    ImportRun progressed(long models, Instant at) {
        long now = Math.min(expected, processed + models);
        Instant finished = finishedAt != null ? finishedAt : now >= expected ? at : null;
        return new ImportRun(id, revision + 1, source, expected, now, startedAt, at, finished);
    }

    boolean finished() {
        return finishedAt != null;
    }

    /** The event that tells page-service (and anyone else) how far the run got. */
    ImportProgressed event() {
        return new ImportProgressed(id, source, expected, processed, startedAt, updatedAt, finishedAt);
    }
}
