package org.llmreference.platform.audit;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.bson.Document;
import org.llmreference.platform.security.Caller;
import org.llmreference.platform.web.EditReason;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One accepted change, as the audit trail keeps it: when, who (the account id of the editor; the
 * shared editor token is {@code automation}), which service and what kind of change ({@code action}),
 * the model and provider it concerns, what it changed (old and new value per field), why (the
 * reason the editor gave, if any) and the id of the event it published ({@code causedBy}, which the
 * pages it reached name as theirs), if it published one.
 *
 * @param id        an id of its own, so an entry stored twice (retried after a crash) is kept once
 * @param accountId the account an admin's change concerns ({@code account-create}, {@code account-update}), else null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEntry(@JsonIgnore String id, Instant at, String author, String service, String action,
        String modelId, String providerId, List<FieldChange> changes, String reason, String causedBy,
        String accountId) {

    /** The author of a change nobody authenticated for (a scheduled timer, a listener). */
    public static final String SYSTEM = "system";

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** An entry of a change to a model or a route. */
    public AuditEntry(String id, Instant at, String author, String service, String action, String modelId,
            String providerId, List<FieldChange> changes, String reason, String causedBy) {
        this(id, at, author, service, action, modelId, providerId, changes, reason, causedBy, null);
    }

    /**
     * A change accepted at {@code at} in the request being handled on this thread: its author is the
     * caller (or {@value #SYSTEM} without one), its reason the request's {@link EditReason}.
     */
    public static AuditEntry of(Instant at, String service, String action, String modelId, String providerId,
            List<FieldChange> changes, String causedBy) {
        return new AuditEntry(UUID.randomUUID().toString(), at, Caller.currentId().orElse(SYSTEM), service, action,
                modelId, providerId, changes, EditReason.current().orElse(null), causedBy);
    }

    /** This entry about the account {@code accountId} (an admin's change to it). */
    public AuditEntry aboutAccount(String accountId) {
        return new AuditEntry(id, at, author, service, action, modelId, providerId, changes, reason, causedBy, accountId);
    }

    public Document toDocument() {
        return new Document("_id", id).append("at", Date.from(at)).append("author", author).append("service", service)
                .append("action", action).append("modelId", modelId).append("providerId", providerId)
                .append("changes", changes.stream().map(FieldChange::toDocument).toList()).append("reason", reason)
                .append("causedBy", causedBy).append("accountId", accountId);
    }

    public static AuditEntry fromDocument(Document document) {
        return new AuditEntry(document.getString("_id"), document.getDate("at").toInstant(), document.getString("author"),
                document.getString("service"), document.getString("action"), document.getString("modelId"),
                document.getString("providerId"),
                document.getList("changes", Document.class, List.of()).stream().map(FieldChange::fromDocument).toList(),
                document.getString("reason"), document.getString("causedBy"), document.getString("accountId"));
    }
}
