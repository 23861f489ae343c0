package org.llmreference.console.audit;

import java.util.List;

/** One accepted change as the audit APIs list it. */
public record AuditEntry(String at, String author, String service, String action, String modelId, String providerId,
        List<Change> changes, String reason, String causedBy) {

    /** One field's old and new value. */
    public record Change(String field, String before, String after) {
    }
}
