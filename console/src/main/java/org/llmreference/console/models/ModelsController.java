package org.llmreference.console.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * The models list with search, and the model editor: the form's changed fields go to the catalog as
 * a JSON merge patch with {@code If-Match}, after a preview of the affected pages. A stale revision is
 * shown as a conflict: the current values beside the editor's, and a "reapply my change" button.
 */
@Controller
class ModelsController {

    /** Form fields holding the value a field had when the editor opened the form. */
    static final String WAS = "was.";
    private static final int PAGE_SIZE = 200;
    private static final int MAX_PAGES = 20;

    private final ServiceApi api;
    private final Screens screens;
    private final Preview preview;

    ModelsController(ServiceApi api, Screens screens, Preview preview) {
        this.api = api;
        this.screens = screens;
        this.preview = preview;
    }

    @GetMapping("/console/models")
    ResponseEntity<String> list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String status,
            HttpServletRequest request) {
        String query = q.strip().toLowerCase(Locale.ROOT);
        String path = "api/models?size=" + PAGE_SIZE + (status.isBlank() ? "" : "&status=" + ServiceApi.encode(status));
        List<ModelLine> lines = new ArrayList<>();
        long total = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = api.get(Service.CATALOG, path + "&page=" + page, CurrentEditor.token()).body();
            total = answer.path("total").asLong(0);
            for (JsonNode model : answer.path("items")) {
                ModelLine line = new ModelLine(model.path("id").asString(), model.path("name").asString(""),
                        model.path("vendor").asString(""), model.path("status").asString(""));
                if (query.isEmpty() || line.id().toLowerCase(Locale.ROOT).contains(query)
                        || line.name().toLowerCase(Locale.ROOT).contains(query)
                        || line.vendor().toLowerCase(Locale.ROOT).contains(query)) {
                    lines.add(line);
                }
            }
            if ((long) (page + 1) * PAGE_SIZE >= total) {
                break;
            }
        }
        return screens.ok("models.jte", "chrome", CurrentEditor.chrome(request, "Models", "models"), "q", q,
                "status", status, "lines", lines, "total", total);
    }

    @GetMapping("/console/models/{id}")
    ResponseEntity<String> edit(@PathVariable String id, HttpServletRequest request) {
        Answer model = api.get(Service.CATALOG, "api/models/" + ServiceApi.encode(id), CurrentEditor.token());
        Map<String, String> values = FormFields.values(model.body(), ModelFields.ALL);
        return editor(request, id, model.body(), values, values, revision(model), Map.of(), Map.of(), null, null, 200);
    }

    /**
     * The editor's form: {@code action} {@code preview} (the default) shows what the change does to
     * the pages; {@code publish} sends it; {@code edit} goes back to the form with the editor's values.
     */
    @PostMapping("/console/models/{id}")
    ResponseEntity<String> submit(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
        String action = form.getFirst("action") == null ? "preview" : form.getFirst("action");
        String revision = form.getFirst("revision");
        String reason = form.getFirst("reason");
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> was = new LinkedHashMap<>();
        for (Field field : ModelFields.ALL) {
            values.put(field.name(), form.getFirst(field.name()) == null ? "" : form.getFirst(field.name()));
            was.put(field.name(), form.getFirst(WAS + field.name()) == null ? "" : form.getFirst(WAS + field.name()));
        }
        ObjectNode patch = patch(values, was);
        String token = CurrentEditor.token();
        Answer current = api.get(Service.CATALOG, "api/models/" + ServiceApi.encode(id), token);
        if ("edit".equals(action)) {
            return editor(request, id, current.body(), values, was, revision, Map.of(), Map.of(), reason, null, 200);
        }
        if (patch.isEmpty()) {
            return editor(request, id, current.body(), values, was, revision, Map.of(), Map.of(), reason,
                    "Nothing changed: edit a field first.", 200);
        }
        if (!("\"" + revision + "\"").equals(current.etag()) && current.etag() != null) {
            return conflict(request, id, current, values, was, reason);
        }
        if ("publish".equals(action)) {
            try {
                api.send(Service.CATALOG, "PATCH", "api/models/" + ServiceApi.encode(id), token, patch,
                        "application/merge-patch+json", "\"" + revision + "\"", reason);
            } catch (Refusal refusal) {
                if (refusal.isConflict()) {
                    return conflict(request, id, api.get(Service.CATALOG, "api/models/" + ServiceApi.encode(id), token),
                            values, was, reason);
                }
                return refused(request, id, current.body(), values, was, revision, reason, refusal);
            }
            return ResponseEntity.status(303).header("Location", "/console/models/" + ServiceApi.encode(id) + "?saved").build();
        }
        JsonNode proposed = FormFields.mergePatch(current.body(), patch);
        ((ObjectNode) proposed).remove("revision");
        Preview.Outcome outcome;
        try {
            outcome = preview.of(Map.of("model", proposed), token);
        } catch (Refusal refusal) {
            return refused(request, id, current.body(), values, was, revision, reason, refusal);
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        form.forEach((name, list) -> {
            if (!name.equals("action") && !name.equals("_csrf") && !list.isEmpty()) {
                hidden.put(name, list.get(0));
            }
        });
        List<Preview.Change> changes = Preview.changes(ModelFields.ALL, was, values);
        return screens.ok("preview.jte", "chrome", CurrentEditor.chrome(request, "Preview: " + id, "models"),
                "action", "/console/models/" + ServiceApi.encode(id), "hidden", hidden, "outcome", outcome,
                "summary", "Changes " + String.join(", ", changes.stream().map(Preview.Change::label).toList()) + " of " + id + ".",
                "changes", changes);
    }

    private ResponseEntity<String> refused(HttpServletRequest request, String id, JsonNode current,
            Map<String, String> values, Map<String, String> was, String revision, String reason, Refusal refusal) {
        if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() >= 500) {
            throw refusal;
        }
        Map<String, String> errors = FormFields.errorsByField(refusal.fieldErrors(), ModelFields.ALL);
        String message = errors.isEmpty() ? refusal.getMessage()
                : errors.getOrDefault("", "Nothing was saved: correct the fields marked below.");
        return editor(request, id, current, values, was, revision, errors, Map.of(), reason, message,
                refusal.status());
    }

    private ResponseEntity<String> conflict(HttpServletRequest request, String id, Answer current,
            Map<String, String> values, Map<String, String> was, String reason) {
        Map<String, String> now = FormFields.values(current.body(), ModelFields.ALL);
        Map<String, String> theirs = new LinkedHashMap<>();
        Map<String, String> rebasedValues = new LinkedHashMap<>(values);
        Map<String, String> rebasedWas = new LinkedHashMap<>(was);
        for (Field field : ModelFields.ALL) {
            String name = field.name();
            if (!now.get(name).equals(was.get(name))) {
                theirs.put(name, now.get(name));
                if (values.get(name).strip().equals(was.get(name).strip())) {
                    // a field only they changed shows their value, and reapplying leaves it as they set it
                    rebasedValues.put(name, now.get(name));
                    rebasedWas.put(name, now.get(name));
                }
            }
        }
        return editor(request, id, current.body(), rebasedValues, rebasedWas, revision(current), Map.of(), theirs, reason,
                "Someone changed this model since you opened it. The fields they changed show their current value; "
                        + "your own changes are kept: reapply them, or edit them first.", 409);
    }

    private ResponseEntity<String> editor(HttpServletRequest request, String id, JsonNode model,
            Map<String, String> values, Map<String, String> was, String revision, Map<String, String> errors,
            Map<String, String> theirs, String reason, String message, int status) {
        String title = model.path("name").asString(id) + " (" + id + ")";
        return screens.answer(status, "model.jte", "chrome", CurrentEditor.chrome(request, title, "models"), "id", id,
                "fields", ModelFields.ALL, "values", values, "was", was, "revision", revision, "errors", errors,
                "theirs", theirs, "reason", reason == null ? "" : reason, "message", message,
                "saved", request.getParameter("saved") != null);
    }

    /** The merge patch of what the editor changed: each field whose value differs from the one it had. */
    static ObjectNode patch(Map<String, String> values, Map<String, String> was) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (Field field : ModelFields.ALL) {
            String value = values.get(field.name()).strip();
            if (!value.equals(was.get(field.name()).strip())) {
                FormFields.put(patch, field.name(), FormFields.json(field, value));
            }
        }
        return patch;
    }

    private static String revision(Answer answer) {
        String etag = answer.etag();
        if (etag != null) {
            return etag.replace("W/", "").replace("\"", "");
        }
        return answer.body().path("revision").asString("");
    }
}
