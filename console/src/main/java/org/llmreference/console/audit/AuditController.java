package org.llmreference.console.audit;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.console.ConsoleSettings;
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
 * model, provider and dates, merged newest first, each change with the pages it reached
 * (page-service's {@code GET /api/audit/pages}, joined by {@code causedBy}, linked to the public
 * site). A filter the APIs refuse is shown next to its field.
 */
@Controller
class AuditController {

    static final int LIMIT = 200;
    /** Edits asked about in one call to page-service (keeps the request line short). */
    static final int PAGES_BATCH = 50;
    private static final List<String> FILTERS = List.of("editor", "model", "provider", "from", "to");

    private final ServiceApi api;
    private final Screens screens;
    private final URI site;

    AuditController(ServiceApi api, Screens screens, ConsoleSettings settings) {
        this.api = api;
        this.screens = screens;
        String base = settings.siteUrl().toString();
        this.site = URI.create(base.endsWith("/") ? base : base + "/");
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
        List<AuditEntry> shown = withPagesReached(entries.size() > LIMIT ? entries.subList(0, LIMIT) : entries, token,
                notes);
        return screens.answer(errors.isEmpty() ? 200 : 400, "audit.jte", "chrome",
                CurrentEditor.chrome(request, "Audit trail", "audit"), "filters", filters, "entries", shown,
                "notes", notes, "errors", errors);
    }

    /**
     * The entries with the pages each change reached, asked of page-service in batches; without
     * them (page-service refuses or is away) the entries stand as they are, with a note.
     */
    private List<AuditEntry> withPagesReached(List<AuditEntry> entries, String token, List<String> notes) {
        List<String> edits = entries.stream().map(AuditEntry::causedBy).filter(id -> !id.isEmpty()).distinct().toList();
        Map<String, List<AuditEntry.Page>> reached = new HashMap<>();
        try {
            for (int from = 0; from < edits.size(); from += PAGES_BATCH) {
                String ids = String.join(",", edits.subList(from, Math.min(from + PAGES_BATCH, edits.size())).stream()
                        .map(ServiceApi::encode).toList());
                for (JsonNode page : api.get(Service.PAGES, "api/audit/pages?causedBy=" + ids, token).body().path("pages")) {
                    String path = page.path("path").asString("");
                    String url = link(path);
                    if (url != null) {
                        reached.computeIfAbsent(page.path("causedBy").asString(""), edit -> new ArrayList<>())
                                .add(new AuditEntry.Page(path, url, page.path("revision").asLong(),
                                        page.path("live").asBoolean(true), page.path("changed").asBoolean(true)));
                    }
                }
            }
        } catch (Refusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            notes.add("Which pages each change reached is not available: " + refusal.getMessage());
        } catch (Unreachable unreachable) {
            notes.add("Which pages each change reached is not available: " + unreachable.getMessage());
        }
        return entries.stream().map(entry -> entry.reaching(reached.getOrDefault(entry.causedBy(), List.of()))).toList();
    }

    /** The public address of a page's path on the site; {@code null} for anything that is not a path of it. */
    private String link(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            return null;
        }
        try {
            return site.resolve(path.substring(1)).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AuditEntry entry(JsonNode entry, Service service) {
        List<AuditEntry.Change> changes = new ArrayList<>();
        for (JsonNode change : entry.path("changes")) {
            changes.add(new AuditEntry.Change(change.path("field").asString(""), text(change.path("old")),
                    text(change.path("new"))));
        }
        return new AuditEntry(entry.path("at").isString() ? entry.path("at").asString() : null,
                string(entry.path("author")), entry.path("service").isString() ? entry.path("service").asString()
                        : service.displayName(), string(entry.path("action")), string(entry.path("modelId")),
                string(entry.path("providerId")), string(entry.path("accountId")), changes, string(entry.path("reason")),
                string(entry.path("causedBy")), List.of());
    }

    /** A text field, empty when absent or null. */
    private static String string(JsonNode value) {
        return value.isString() ? value.asString() : "";
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
