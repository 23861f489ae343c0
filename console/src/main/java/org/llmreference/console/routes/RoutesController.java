package org.llmreference.console.routes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmreference.console.services.Answer;
import org.llmreference.console.services.Refusal;
import org.llmreference.console.services.Service;
import org.llmreference.console.services.ServiceApi;
import org.llmreference.console.web.CurrentEditor;
import org.llmreference.console.web.FormFields;
import org.llmreference.console.web.FormFields.Field;
import org.llmreference.console.web.Preview;
import org.llmreference.console.web.Screens;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A model's price list as an editable table (every price field, status, source URL, verified date),
 * each change previewed before it is published; withdrawing a route; scheduling a price change for a
 * later date and cancelling one. Everything goes through pricing-service's public API with
 * {@code If-Match}, so a stale table is a conflict, never a silent overwrite.
 */
@Controller
class RoutesController {

    private final ServiceApi api;
    private final Screens screens;
    private final Preview preview;

    RoutesController(ServiceApi api, Screens screens, Preview preview) {
        this.api = api;
        this.screens = screens;
        this.preview = preview;
    }

    @GetMapping("/console/models/{id}/routes")
    ResponseEntity<String> table(@PathVariable String id, HttpServletRequest request) {
        return table(request, id, api.get(Service.PRICING, routesPath(id), CurrentEditor.token()), null, Map.of(), Map.of(),
                null, notice(request), 200);
    }

    /** Put one route: {@code action} preview (the default), publish or edit (back to the table with the draft). */
    @PostMapping("/console/models/{id}/routes/{provider}")
    ResponseEntity<String> put(@PathVariable String id, @PathVariable String provider,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        String token = CurrentEditor.token();
        String action = form.getFirst("action") == null ? "preview" : form.getFirst("action");
        String revision = form.getFirst("revision");
        String reason = form.getFirst("reason");
        Map<String, String> draft = draft(form);
        Answer current = api.get(Service.PRICING, routesPath(id), token);
        if ("edit".equals(action)) {
            return table(request, id, current, provider, draft, Map.of(), null, null, 200);
        }
        if (current.etag() != null && !current.etag().equals("\"" + revision + "\"")) {
            return table(request, id, current, provider, draft, Map.of(),
                    "Someone changed this price list since you opened it: the stored values are shown under your "
                            + "draft. Save again to reapply your change.", null, 409);
        }
        JsonNode stored = route(current.body(), provider);
        ObjectNode body = body(draft, stored);
        if ("publish".equals(action)) {
            try {
                api.send(Service.PRICING, "PUT", routePath(id, provider), token, body, "application/json",
                        "\"" + revision + "\"", reason);
            } catch (Refusal refusal) {
                return refused(request, id, provider, draft, refusal);
            }
            return ResponseEntity.status(303).header("Location", "/console/models/" + ServiceApi.encode(id) + "/routes?saved").build();
        }
        ObjectNode proposal = body.deepCopy();
        proposal.put("modelId", id);
        proposal.put("providerId", provider);
        proposal.put("providerName", stored.path("providerName").asString(provider));
        Preview.Outcome outcome;
        try {
            outcome = preview.of(Map.of("route", proposal), token);
        } catch (Refusal refusal) {
            return refused(request, id, provider, draft, refusal);
        }
        return screens.ok("preview.jte", "chrome", CurrentEditor.chrome(request, "Preview: " + id + " on " + provider, "models"),
                "action", "/console/models/" + ServiceApi.encode(id) + "/routes/" + ServiceApi.encode(provider),
                "hidden", hidden(form), "outcome", outcome,
                "summary", "New terms of " + id + " on " + provider + ": " + describe(draft) + ".",
                "changes", Preview.changes(RouteFields.ALL, FormFields.values(stored, RouteFields.ALL), draft));
    }

    /** Withdraw a route: a preview first, then {@code action=publish} withdraws it. */
    @PostMapping("/console/models/{id}/routes/{provider}/withdraw")
    ResponseEntity<String> withdraw(@PathVariable String id, @PathVariable String provider,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        String token = CurrentEditor.token();
        if ("publish".equals(form.getFirst("action"))) {
            api.send(Service.PRICING, "DELETE", routePath(id, provider), token, null, null,
                    "\"" + form.getFirst("revision") + "\"", form.getFirst("reason"));
            return ResponseEntity.status(303).header("Location", "/console/models/" + ServiceApi.encode(id) + "/routes?saved").build();
        }
        if ("edit".equals(form.getFirst("action"))) {
            return ResponseEntity.status(303).header("Location", "/console/models/" + ServiceApi.encode(id) + "/routes").build();
        }
        Preview.Outcome outcome = preview.of(Map.of("withdrawRoute", Map.of("modelId", id, "providerId", provider)), token);
        return screens.ok("preview.jte", "chrome", CurrentEditor.chrome(request, "Preview: withdraw " + provider, "models"),
                "action", "/console/models/" + ServiceApi.encode(id) + "/routes/" + ServiceApi.encode(provider) + "/withdraw",
                "hidden", hidden(form), "outcome", outcome,
                "summary", "Withdraws the route of " + id + " on " + provider + ".", "changes", List.of());
    }

    /** Schedule a price change of one route for the start of a later day (UTC). */
    @PostMapping("/console/models/{id}/scheduled")
    ResponseEntity<String> schedule(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        String token = CurrentEditor.token();
        String provider = form.getFirst("providerId") == null ? "" : form.getFirst("providerId");
        Map<String, String> draft = draft(form);
        Answer current = api.get(Service.PRICING, routesPath(id), token);
        String effective = form.getFirst("effectiveOn") == null ? "" : form.getFirst("effectiveOn").strip();
        Map<String, String> problems = new LinkedHashMap<>();
        if (provider.isBlank()) {
            problems.put("providerId", "choose the route to change");
        }
        ObjectNode body = scheduled(draft, route(current.body(), provider));
        try {
            body.put("effectiveFrom", LocalDate.parse(effective).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        } catch (DateTimeParseException e) {
            problems.put("effectiveFrom", "a date as YYYY-MM-DD");
        }
        if (problems.isEmpty()) {
            try {
                api.send(Service.PRICING, "PUT", routePath(id, provider), token, body, "application/json",
                        null, form.getFirst("reason"));
                return ResponseEntity.status(303).header("Location", "/console/models/" + ServiceApi.encode(id) + "/routes?scheduled").build();
            } catch (Refusal refusal) {
                if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() >= 500) {
                    throw refusal;
                }
                problems.putAll(FormFields.errorsByField(refusal.fieldErrors(), withEffectiveFrom()));
                if (problems.isEmpty()) {
                    problems.put("", refusal.getMessage());
                }
            }
        }
        return table(request, id, current, null, Map.of(), Map.of(), null, null, 400,
                Map.of("providerId", provider, "effectiveOn", effective), draft, problems);
    }

    @PostMapping("/console/models/{id}/routes/{provider}/scheduled/{change}/cancel")
    ResponseEntity<String> cancel(@PathVariable String id, @PathVariable String provider, @PathVariable String change,
            @RequestParam(required = false) String reason) {
        api.send(Service.PRICING, "DELETE", routePath(id, provider) + "/scheduled/" + ServiceApi.encode(change),
                CurrentEditor.token(), null, null, null, reason);
        return ResponseEntity.status(303).header("Location", "/console/models/" + ServiceApi.encode(id) + "/routes?cancelled").build();
    }

    /** What the table says after a redirect: a change saved now, a change scheduled, or one cancelled. */
    private static String notice(HttpServletRequest request) {
        if (request.getParameter("saved") != null) {
            return "Saved. The pages follow within seconds.";
        }
        if (request.getParameter("scheduled") != null) {
            return "Scheduled. The prices in force stay until that date; the pages follow then.";
        }
        if (request.getParameter("cancelled") != null) {
            return "Cancelled. The scheduled change will not apply; the prices in force stay as they are.";
        }
        return null;
    }

    private ResponseEntity<String> refused(HttpServletRequest request, String id, String provider,
            Map<String, String> draft, Refusal refusal) {
        if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() >= 500) {
            throw refusal;
        }
        Answer current = api.get(Service.PRICING, routesPath(id), CurrentEditor.token());
        if (refusal.isConflict()) {
            return table(request, id, current, provider, draft, Map.of(),
                    "Someone changed this price list since you opened it: the stored values are shown under your "
                            + "draft. Save again to reapply your change.", null, 409);
        }
        Map<String, String> errors = FormFields.errorsByField(refusal.fieldErrors(), RouteFields.ALL);
        return table(request, id, current, provider, draft, errors,
                errors.isEmpty() ? refusal.getMessage() : errors.get(""), null, refusal.status());
    }

    private ResponseEntity<String> table(HttpServletRequest request, String id, Answer priceList, String draftProvider,
            Map<String, String> draft, Map<String, String> rowErrors, String message, String notice, int status) {
        return table(request, id, priceList, draftProvider, draft, rowErrors, message, notice, status, Map.of(),
                Map.of(), Map.of());
    }

    private ResponseEntity<String> table(HttpServletRequest request, String id, Answer priceList, String draftProvider,
            Map<String, String> draft, Map<String, String> rowErrors, String message, String notice, int status,
            Map<String, String> scheduleForm, Map<String, String> scheduleDraft, Map<String, String> scheduleErrors) {
        JsonNode body = priceList.body();
        List<RouteRow> rows = new ArrayList<>();
        for (JsonNode route : body.path("routes")) {
            String provider = route.path("providerId").asString();
            Map<String, String> stored = FormFields.values(route, RouteFields.ALL);
            boolean drafted = provider.equals(draftProvider);
            JsonNode upstream = route.path("upstream");
            rows.add(new RouteRow(provider, route.path("providerName").asString(provider), drafted ? draft : stored, stored,
                    drafted ? rowErrors : Map.of(), upstream.isMissingNode() ? null : upstream.toString()));
        }
        List<ScheduledLine> scheduled = new ArrayList<>();
        for (JsonNode change : body.path("scheduled")) {
            scheduled.add(new ScheduledLine(change.path("scheduledChangeId").asString(), change.path("providerId").asString(),
                    change.path("effectiveFrom").asString(), FormFields.value(change.path("route"), "inputPricePerMTok"),
                    FormFields.value(change.path("route"), "outputPricePerMTok")));
        }
        String revision = priceList.etag() == null ? body.path("revision").asString("")
                : priceList.etag().replace("W/", "").replace("\"", "");
        return screens.answer(status, "routes.jte", "chrome", CurrentEditor.chrome(request, "Routes of " + id, "models"),
                "id", id, "revision", revision, "fields", RouteFields.ALL, "prices", RouteFields.PRICES, "rows", rows,
                "scheduled", scheduled, "message", message, "notice", notice, "scheduleForm", scheduleForm,
                "scheduleDraft", scheduleDraft, "scheduleErrors", scheduleErrors);
    }

    private static List<Field> withEffectiveFrom() {
        List<Field> fields = new ArrayList<>(RouteFields.PRICES);
        fields.add(Field.text("effectiveFrom", "Effective from"));
        return fields;
    }

    private static Map<String, String> draft(MultiValueMap<String, String> form) {
        Map<String, String> draft = new LinkedHashMap<>();
        for (Field field : RouteFields.ALL) {
            String value = form.getFirst(field.name());
            draft.put(field.name(), value == null ? "" : value);
        }
        return draft;
    }

    private static Map<String, String> hidden(MultiValueMap<String, String> form) {
        Map<String, String> hidden = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (!name.equals("action") && !name.equals("_csrf") && !values.isEmpty()) {
                hidden.put(name, values.get(0));
            }
        });
        return hidden;
    }

    /**
     * The route as pricing-service takes it: the form's terms (an empty field is left out), plus what the
     * table does not edit (context tiers) carried over from the stored route so a save never drops it.
     */
    private static ObjectNode body(Map<String, String> draft, JsonNode stored) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (Field field : RouteFields.ALL) {
            if (draft.containsKey(field.name())) {
                JsonNode value = FormFields.json(field, draft.get(field.name()));
                if (!value.isNull()) {
                    body.set(field.name(), value);
                }
            }
        }
        JsonNode tiers = stored.path("contextTiers");
        if (tiers.isArray() && !tiers.isEmpty()) {
            body.set("contextTiers", tiers);
        }
        return body;
    }

    /**
     * A scheduled change as pricing-service takes it: the whole route that will be in force from its
     * date (a route put replaces every term), so the stored route's terms, with each price the form
     * gives in place of the stored one. A price left empty keeps its current value.
     */
    static ObjectNode scheduled(Map<String, String> draft, JsonNode stored) {
        Map<String, String> terms = FormFields.values(stored, RouteFields.ALL);
        for (Field price : RouteFields.PRICES) {
            String given = draft.getOrDefault(price.name(), "");
            if (!given.isBlank()) {
                terms.put(price.name(), given);
            }
        }
        return body(terms, stored);
    }

    private static JsonNode route(JsonNode priceList, String provider) {
        for (JsonNode route : priceList.path("routes")) {
            if (route.path("providerId").asString().equals(provider)) {
                return route;
            }
        }
        return JsonNodeFactory.instance.missingNode();
    }

    private static String describe(Map<String, String> draft) {
        List<String> parts = new ArrayList<>();
        for (Field field : RouteFields.PRICES) {
            String value = draft.getOrDefault(field.name(), "");
            if (!value.isBlank()) {
                parts.add(field.label() + " " + value);
            }
        }
        return parts.isEmpty() ? "no prices" : String.join(", ", parts);
    }

    private static String routesPath(String id) {
        return "api/models/" + ServiceApi.encode(id) + "/routes";
    }

    private static String routePath(String id, String provider) {
        return routesPath(id) + "/" + ServiceApi.encode(provider);
    }
}
