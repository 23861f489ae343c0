package org.llmreference.console.audit;

import java.util.List;

/**
 * One accepted change as the audit APIs list it, with the pages it reached (page-service's
 * {@code /api/audit/pages}, joined by {@code causedBy}).
 *
 * @param accountId the account an admin's change concerns, else empty
 */
public record AuditEntry(String at, String author, String service, String action, String modelId, String providerId,
        String accountId, List<Change> changes, String reason, String causedBy, List<Page> pages) {

    /** One field's old and new value. */
    public record Change(String field, String before, String after) {
    }

    /**
     * A page the change reached: its public path and address, the revision the change gave it,
     * whether it is served (or gone), and whether its content changed (or only its revision moved).
     */
    public record Page(String path, String url, long revision, boolean live, boolean changed) {
    }

    /** This entry with the pages its change reached. */
    AuditEntry reaching(List<Page> reached) {
        return new AuditEntry(at, author, service, action, modelId, providerId, accountId, changes, reason, causedBy,
                List.copyOf(reached));
    }
}
