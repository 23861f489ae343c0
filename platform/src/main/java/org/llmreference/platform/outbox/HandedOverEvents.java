package org.llmreference.platform.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events their writer handed over with the ids of their aggregates, in the order they were stored,
 * until the relay takes them. They are also stored in their documents, where a sweep finds them.
 */
final class HandedOverEvents {

    private final Map<Object, List<PendingEvent>> events = new LinkedHashMap<>();

    synchronized void add(Object aggregateId, List<PendingEvent> handed) {
        events.computeIfAbsent(aggregateId, id -> new ArrayList<>()).addAll(handed);
    }

    /** Every event handed over so far, by aggregate in the order they were first handed over. */
    synchronized List<PendingAggregate> takeAll() {
        List<PendingAggregate> taken = new ArrayList<>();
        events.forEach((id, handed) -> taken.add(new PendingAggregate(id, handed)));
        events.clear();
        return taken;
    }

    synchronized void clear() {
        events.clear();
    }

    /**
     * Drops those a sweep has just read from their documents (published or, if publishing failed,
     * still pending there): an event handed over while a sweep was under way would otherwise leave twice.
     */
    synchronized void forget(List<PendingAggregate> swept) {
        for (PendingAggregate aggregate : swept) {
            List<PendingEvent> handed = events.get(aggregate.id());
            if (handed != null) {
                handed.removeIf(event -> aggregate.events().stream().anyMatch(read -> read.eventId().equals(event.eventId())));
                if (handed.isEmpty()) {
                    events.remove(aggregate.id());
                }
            }
        }
    }
}
