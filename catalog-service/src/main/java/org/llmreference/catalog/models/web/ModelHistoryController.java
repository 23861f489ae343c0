package org.llmreference.catalog.models.web;

import java.time.Instant;
import java.util.List;

import org.llmreference.catalog.models.ModelEditing;
import org.llmreference.platform.audit.AuditEntry;
import org.llmreference.platform.audit.FieldChange;
import org.llmreference.platform.security.Caller;
import org.llmreference.platform.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A model's history, like the history pricing-service keeps of each route: every accepted change,
 * oldest first, with what it changed. Who changed it and why (author, reason) are shown to ops,
 * editors and admins, as on the audit trail; a visitor reads them as null.
 */
@RestController
@Tag(name = "models")
class ModelHistoryController {

    private final ModelEditing editing;

    ModelHistoryController(ModelEditing editing) {
        this.editing = editing;
    }

    /** One accepted change of the model. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record HistoryView(Instant at, String author, String action, List<FieldChange> changes, String reason,
            String causedBy) {

        static HistoryView of(AuditEntry entry, boolean withAuthors) {
            return new HistoryView(entry.at(), withAuthors ? entry.author() : null, entry.action(), entry.changes(),
                    withAuthors ? entry.reason() : null, entry.causedBy());
        }
    }

    @GetMapping(path = "/api/models/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "modelHistory", summary = "Every accepted change of the model, oldest first "
            + "(action: model-create, model-replace, model-patch, model-retire), with changes (old and new per field), "
            + "and author and reason for ops, editors and admins (null for visitors); 404 for an unknown model")
    List<HistoryView> history(@PathVariable String id) {
        List<AuditEntry> history = editing.history(id);
        if (history.isEmpty() && editing.find(id).isEmpty()) {
            throw ApiProblem.notFound("model", id);
        }
        boolean withAuthors = Caller.mayReadAuthors();
        return history.stream().map(entry -> HistoryView.of(entry, withAuthors)).toList();
    }
}
