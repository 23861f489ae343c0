package org.llmreference.platform.outbox;

import java.util.List;

/** An aggregate's id and its pending events, in the order they were stored. */
record PendingAggregate(Object id, List<PendingEvent> events) {
}
