package org.llmreference.page.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.llmreference.page.audit.KafkaBacklog.Backlog;
import org.llmreference.page.audit.KafkaBacklog.PendingRecord;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code GET /actuator/consistency} answers when every part could be checked: whether the
 * chain from an editor's change to the page is settled, and if not, where it is not.
 *
 * @param checkedAt                  when the audit ran; every age is counted up to it
 * @param consistent                 {@code true} when all three sections are empty
 * @param pagesBehindComparisons     pages that do not show page-service's stored comparison (MongoDB)
 * @param comparisonEventsNotApplied comparison events page-service's group has not consumed yet (Kafka)
 * @param comparisonsBehindSources   catalog and pricing events comparison-service's group has not consumed
 *                                   yet, i.e. comparisons that may still change (Kafka)
 */
record ConsistencyReport(Instant checkedAt, boolean consistent, PageSection pagesBehindComparisons,
        BacklogSection<PendingComparison> comparisonEventsNotApplied,
        BacklogSection<PendingSourceChange> comparisonsBehindSources) {

    static ConsistencyReport of(Instant checkedAt, PageSection pages, BacklogSection<PendingComparison> comparisonEvents,
            BacklogSection<PendingSourceChange> sourceEvents) {
        boolean consistent = pages.count() == 0 && comparisonEvents.count() == 0 && sourceEvents.count() == 0;
        return new ConsistencyReport(checkedAt, consistent, pages, comparisonEvents, sourceEvents);
    }

    /**
     * The pages section.
     *
     * @param count            how many pairs are listed or would be, without the limit
     * @param truncated        whether {@code items} stops at the limit ({@code llmref.page.audit.max-items})
     * @param oldestAgeSeconds the age of the oldest finding, {@code null} when there is none
     * @param items            oldest first
     */
    record PageSection(long count, boolean truncated, BigDecimal oldestAgeSeconds, List<PageBehind> items) {

        static PageSection of(List<PageBehind> findings, int maxItems) {
            List<PageBehind> items = findings.size() > maxItems ? findings.subList(0, maxItems) : findings;
            return new PageSection(findings.size(), findings.size() > maxItems, oldest(items, PageBehind::ageSeconds),
                    List.copyOf(items));
        }
    }

    /**
     * A consumer group's backlog.
     *
     * @param group            the consumer group ({@code llmref.page.audit.*-group})
     * @param topics           the topics it reads
     * @param count            how many records it has not consumed (an upper bound when {@code truncated})
     * @param truncated        whether {@code items} stops short: at the limit or at the time limit
     * @param oldestAgeSeconds the age of the oldest record listed, {@code null} when none is
     * @param items            oldest first
     */
    record BacklogSection<T>(String group, List<String> topics, long count, boolean truncated,
            BigDecimal oldestAgeSeconds, List<T> items) {

        static <T> BacklogSection<T> of(Backlog backlog, Function<PendingRecord, T> item,
                Function<T, BigDecimal> age) {
            List<T> items = backlog.records().stream().map(item)
                    .sorted(Comparator.comparing(age, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
            return new BacklogSection<>(backlog.subscription().group(), backlog.subscription().topics(),
                    backlog.count(), backlog.truncated(), oldest(items, age), items);
        }
    }

    /**
     * A comparison event page-service has not applied yet.
     *
     * @param pairId     the record key
     * @param occurredAt when the edit behind it was accepted ({@code null} when the record is unreadable)
     * @param ageSeconds how long before the audit that was (or, for an unreadable record, the record was stored)
     */
    record PendingComparison(String pairId, Long revision, String eventType, Instant occurredAt,
            BigDecimal ageSeconds, int partition, long offset) {

        static PendingComparison of(PendingRecord record, Instant now) {
            return new PendingComparison(record.key(), record.revision(), record.eventType(), record.occurredAt(),
                    age(record, now), record.partition(), record.offset());
        }
    }

    /**
     * A catalog or pricing event comparison-service has not processed yet.
     *
     * @param modelId    the record key
     * @param occurredAt when the editor's change was accepted ({@code null} when the record is unreadable)
     * @param ageSeconds how long before the audit that was (or, for an unreadable record, the record was stored)
     */
    record PendingSourceChange(String topic, String modelId, Long revision, String eventType, Instant occurredAt,
            BigDecimal ageSeconds, int partition, long offset) {

        static PendingSourceChange of(PendingRecord record, Instant now) {
            return new PendingSourceChange(record.topic(), record.key(), record.revision(), record.eventType(),
                    record.occurredAt(), age(record, now), record.partition(), record.offset());
        }
    }

    /**
     * What the audit answers with 503 when a part could not be checked: an RFC 9457 problem saying
     * which and why, with the sections that could be checked (the others are absent).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Incomplete(String type, String title, int status, String detail, String instance, Instant checkedAt,
            PageSection pagesBehindComparisons, BacklogSection<PendingComparison> comparisonEventsNotApplied,
            BacklogSection<PendingSourceChange> comparisonsBehindSources) {
    }

    private static BigDecimal age(PendingRecord record, Instant now) {
        return Ages.seconds(record.occurredAt() != null ? record.occurredAt() : record.storedAt(), now);
    }

    private static <T> BigDecimal oldest(List<T> items, Function<T, BigDecimal> age) {
        return items.stream().map(age).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }
}
