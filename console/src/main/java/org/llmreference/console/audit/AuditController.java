package org.llmreference.console.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.console.services.Refusal;
import org.llmreference.console.services.Service;
import org.llmreference.console.services.ServiceApi;
import org.llmreference.console.services.Unreachable;
import org.llmreference.console.web.CurrentEditor;
import org.llmreference.console.web.Screens;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail: catalog-service's and pricing-service's {@code GET /api/audit}, filtered by editor,
 * model, provider and dates, merged newest first. A filter the APIs refuse is shown next to its field.
 */
@Controller
class AuditController {

    static final int LIMIT = 200;
    private static final List<String> FILTERS = List.of("editor", "model", "provider", "from", "to");

    private final ServiceApi api;
    private final Screens screens;

    AuditController(ServiceApi api, Screens screens) {
        this.api = api;
        this.screens = screens;
    }

    @GetMapping("/console/audit")
    ResponseEntity<String> trail(@RequestParam Map<String, String> query, HttpServletRequest request) {
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(name -> filters.put(name, query.getOrDefault(name, "").strip()));
        List<AuditEntry> entries = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        String token = CurrentEditor.token();
        for (Service service : List.of(Service.CATALOG, Service.PRICING)) {
            if (service == Service.CATALOG && !filters.get("provider").isEmpty()) {
                continue; // catalog changes concern models, not providers
            }
            StringBuilder path = new StringBuilder("api/audit?limit=" + LIMIT);
            filters.forEach((name, value) -> {
                if (!value.isEmpty() && (service == Service.PRICING || !name.equals("provider"))) {
                    path.append('&').append(name).append('=').append(ServiceApi.encode(value));
                }
            });
            try {
                for (JsonNode entry : api.get(service, path.toString(), token).body().path("entries")) {
                    entries.add(entry(entry, service));
                }
            } catch (Refusal refusal) {
                if (refusal.status() == 401) {
                    throw refusal;
                }
                if (!refusal.fieldErrors().isEmpty()) {
                    refusal.fieldErrors().forEach((field, message) -> errors.putIfAbsent(field, message));
                } else {
                    notes.add("The audit trail of " + service.displayName() + " is not available: " + refusal.getMessage());
                }
            } catch (Unreachable unreachable) {
                notes.add(unreachable.getMessage());
            }
        }
        entries.sort(Comparator.comparing(AuditEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        List<AuditEntry> shown = entries.size() > LIMIT ? entries.subList(0, LIMIT) : entries;
        return screens.answer(errors.isEmpty() ? 200 : 400, "audit.jte", "chrome",
                CurrentEditor.chrome(request, "Audit trail", "audit"), "filters", filters, "entries", shown,
                "notes", notes, "errors", errors);
    }

    private static AuditEntry entry(JsonNode entry, Service service) {
        List<AuditEntry.Change> changes = new ArrayList<>();
        for (JsonNode change : entry.path("changes")) {
            changes.add(new AuditEntry.Change(change.path("field").asString(""), text(change.path("old")),
                    text(change.path("new"))));
        }
        return new AuditEntry(entry.path("at").asString(null), entry.path("author").asString(""),
                entry.path("service").asString(service.displayName()), entry.path("action").asString(""),
                entry.path("modelId").asString(""), entry.path("providerId").asString(""), changes,
                entry.path("reason").asString(""), entry.path("causedBy").asString(""));
    }

    private static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }
}
