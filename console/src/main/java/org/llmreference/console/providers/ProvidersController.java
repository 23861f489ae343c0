package org.llmreference.console.providers;

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

/**
 * Providers (pricing-service's {@code /api/providers}): the list, a form to add one and an editor per
 * provider. Both send {@code PUT /api/providers/{id}}; an edit carries {@code If-Match}, so a provider
 * someone else changed meanwhile is shown as a conflict, never overwritten. The API's field problems
 * are shown next to their fields.
 */
@Controller
class ProvidersController {

    static final List<Field> FIELDS = List.of(Field.text("id", "Id (lower-case letters, digits, '.' and '-')"),
            Field.text("name", "Name"), Field.text("url", "Website (https://...)"));
    private static final List<Field> EDITABLE = FIELDS.subList(1, FIELDS.size());

    private final ServiceApi api;
    private final Screens screens;

    ProvidersController(ServiceApi api, Screens screens) {
        this.api = api;
        this.screens = screens;
    }

    @GetMapping("/console/providers")
    ResponseEntity<String> list(HttpServletRequest request) {
        return list(request, 200, blank(), Map.of(), null,
                request.getParameter("saved") != null ? "Saved. Routes of the provider follow within seconds." : null);
    }

    @PostMapping("/console/providers")
    ResponseEntity<String> create(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        Map<String, String> values = values(form, FIELDS);
        String id = values.get("id").strip();
        if (id.isEmpty()) {
            return list(request, 400, values, Map.of("id", "is required"), null, null);
        }
        if (existing(id) != null) {
            return list(request, 409, values, Map.of("id", "a provider with this id exists; edit it instead"), null, null);
        }
        try {
            api.send(Service.PRICING, "PUT", path(id), CurrentEditor.token(), body(values),
                    "application/json", null, form.getFirst("reason"));
        } catch (Refusal refusal) {
            passOn(refusal);
            Map<String, String> errors = FormFields.errorsByField(refusal.fieldErrors(), FIELDS);
            return list(request, refusal.status(), values, errors, errors.isEmpty() ? refusal.getMessage() : errors.get(""), null);
        }
        return saved();
    }

    @GetMapping("/console/providers/{id}")
    ResponseEntity<String> edit(@PathVariable String id, HttpServletRequest request) {
        Answer provider = api.get(Service.PRICING, path(id), CurrentEditor.token());
        return editor(request, 200, id, FormFields.values(provider.body(), EDITABLE), revision(provider), Map.of(), null);
    }

    @PostMapping("/console/providers/{id}")
    ResponseEntity<String> save(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        Map<String, String> values = values(form, EDITABLE);
        String revision = form.getFirst("revision");
        try {
            api.send(Service.PRICING, "PUT", path(id), CurrentEditor.token(), body(values), "application/json",
                    revision == null || revision.isBlank() ? null : "\"" + revision + "\"", form.getFirst("reason"));
        } catch (Refusal refusal) {
            passOn(refusal);
            if (refusal.isConflict()) {
                Answer current = api.get(Service.PRICING, path(id), CurrentEditor.token());
                Map<String, String> now = FormFields.values(current.body(), EDITABLE);
                return editor(request, 409, id, values, revision(current), Map.of(),
                        "Someone changed this provider since you opened it: now named '" + now.get("name") + "' at '"
                                + now.get("url") + "'. Save again to put your values over theirs.");
            }
            Map<String, String> errors = FormFields.errorsByField(refusal.fieldErrors(), FIELDS);
            return editor(request, refusal.status(), id, values, revision, errors,
                    errors.isEmpty() ? refusal.getMessage() : errors.get(""));
        }
        return saved();
    }

    private ResponseEntity<String> list(HttpServletRequest request, int status, Map<String, String> draft,
            Map<String, String> errors, String message, String notice) {
        List<ProviderLine> lines = new ArrayList<>();
        for (JsonNode provider : api.get(Service.PRICING, "api/providers", CurrentEditor.token()).body()) {
            lines.add(new ProviderLine(provider.path("id").asString(""), provider.path("name").asString(""),
                    provider.path("url").asString("")));
        }
        return screens.answer(status, "providers.jte", "chrome", CurrentEditor.chrome(request, "Providers", "providers"),
                "lines", lines, "fields", FIELDS, "draft", draft, "errors", errors, "message", message, "notice", notice);
    }

    private ResponseEntity<String> editor(HttpServletRequest request, int status, String id, Map<String, String> values,
            String revision, Map<String, String> errors, String message) {
        return screens.answer(status, "provider.jte", "chrome",
                CurrentEditor.chrome(request, "Provider " + id, "providers"), "id", id, "fields", EDITABLE,
                "values", values, "revision", revision, "errors", errors, "message", message);
    }

    private JsonNode existing(String id) {
        try {
            return api.get(Service.PRICING, path(id), CurrentEditor.token()).body();
        } catch (Refusal refusal) {
            if (refusal.status() == 404 || refusal.status() == 400) {
                return null;
            }
            throw refusal;
        }
    }

    /** Refusals a form cannot show next to a field: the session ended, a role is missing, the service failed. */
    private static void passOn(Refusal refusal) {
        if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() >= 500) {
            throw refusal;
        }
    }

    private static ResponseEntity<String> saved() {
        return ResponseEntity.status(303).header("Location", "/console/providers?saved").build();
    }

    private static Map<String, String> body(Map<String, String> values) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", values.get("name").strip());
        String url = values.get("url").strip();
        if (!url.isEmpty()) {
            body.put("url", url);
        }
        return body;
    }

    private static Map<String, String> values(MultiValueMap<String, String> form, List<Field> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field.name(), form.getFirst(field.name()) == null ? "" : form.getFirst(field.name())));
        return values;
    }

    private static Map<String, String> blank() {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field.name(), ""));
        return values;
    }

    private static String revision(Answer answer) {
        return answer.etag() == null ? answer.body().path("revision").asString("")
                : answer.etag().replace("W/", "").replace("\"", "");
    }

    private static String path(String id) {
        return "api/providers/" + ServiceApi.encode(id);
    }
}
