package org.llmreference.platform.audit.web;

import java.util.List;
import java.util.Map;

import org.llmreference.platform.audit.AuditEntry;
import org.llmreference.platform.audit.AuditQuery;
import org.llmreference.platform.audit.AuditTrail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The service's audit trail as an API, for the console and for ops (roles ops, editor, admin). */
@RestController
// made by AuditApiConfiguration; the condition keeps a scan of platform's packages (its test apps) from making one without a trail
@ConditionalOnBean(AuditTrail.class)
@Tag(name = "Audit", description = "Every accepted change: who, when, what (old and new per field), why, and its causedBy.")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /** The answer: the entries, newest first. */
    record Entries(List<AuditEntry> entries) {
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Accepted changes, newest first; filters editor (account id), model, provider, from and to "
            + "(ISO dates, UTC, included), limit (1..1000, default 100). Needs an ops, editor or admin token")
    ResponseEntity<Entries> entries(@RequestParam Map<String, String> parameters) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Entries(trail.find(AuditQuery.parse(parameters))));
    }
}
