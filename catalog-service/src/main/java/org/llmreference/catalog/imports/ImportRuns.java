package org.llmreference.catalog.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.llmreference.contracts.Envelope;
import org.llmreference.platform.outbox.OutboxRelay;
import org.llmreference.platform.outbox.PendingEvent;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * The import runs, one document each:
 * {@code {_id, revision, source, expected, processed, startedAt, updatedAt, finishedAt, outbox: [...]}}.
 * Each step and the {@code catalog.ImportProgressed.v1} event announcing it are one single-document
 * write guarded by the revision it was computed from; a step that loses a race is computed again.
 */
@Component
public class ImportRuns {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final MongoCollection<Document> collection;
    private final OutboxRelay relay;
    private final Clock clock;

    ImportRuns(MongoDatabase database, OutboxRelay importsOutboxRelay, Clock clock) {
        this.collection = database.getCollection(ImportsMessaging.COLLECTION);
        this.relay = importsOutboxRelay;
        this.clock = clock;
    }

    /** Starts a run that will send {@code expected} models. */
    public ImportRun start(String source, long expected) {
        // MongoDB keeps milliseconds: the run's times are what every later step reads back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = ID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        ImportRun run = ImportRun.start(id, source, expected, now);
        collection.insertOne(document(run).append(PendingEvent.FIELD, List.of(pending(run, now))));
        relay.wake(id);
        return run;
    }

    public Optional<ImportRun> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).projection(new Document(PendingEvent.FIELD, 0))
                .first()).map(ImportRuns::run);
    }

    /**
     * Records that {@code models} more models of the run were processed.
     *
     * @return the run after the step, empty when there is no such run
     */
    public Optional<ImportRun> progressed(String id, long models) {
        while (true) {
            Optional<ImportRun> current = find(id);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ImportRun after = current.get().progressed(models, now);
            long matched = collection.updateOne(
                    Filters.and(Filters.eq("_id", id), Filters.eq("revision", current.get().revision())),
                    Updates.combine(Updates.set("revision", after.revision()), Updates.set("processed", after.processed()),
                            Updates.set("updatedAt", Date.from(after.updatedAt())),
                            Updates.set("finishedAt", after.finishedAt() == null ? null : Date.from(after.finishedAt())),
                            Updates.push(PendingEvent.FIELD, pending(after, now).toDocument())))
                    .getMatchedCount();
            if (matched == 1) {
                relay.wake(id);
                return Optional.of(after);
            }
        }
    }

    private static PendingEvent pending(ImportRun run, Instant at) {
        return PendingEvent.of(Envelope.startingChain(run.event(), run.id(), run.revision(), at), at);
    }

    private static Document document(ImportRun run) {
        return new Document("_id", run.id()).append("revision", run.revision()).append("source", run.source())
                .append("expected", run.expected()).append("processed", run.processed())
                .append("startedAt", Date.from(run.startedAt())).append("updatedAt", Date.from(run.updatedAt()))
                .append("finishedAt", run.finishedAt() == null ? null : Date.from(run.finishedAt()));
    }

    private static ImportRun run(Document document) {
        Date finished = document.getDate("finishedAt");
        return new ImportRun(document.getString("_id"), ((Number) document.get("revision")).longValue(),
                document.getString("source"), ((Number) document.get("expected")).longValue(),
                ((Number) document.get("processed")).longValue(), document.getDate("startedAt").toInstant(),
                document.getDate("updatedAt").toInstant(), finished == null ? null : finished.toInstant());
    }
}
