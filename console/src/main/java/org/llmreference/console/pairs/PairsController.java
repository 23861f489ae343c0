package org.llmreference.console.pairs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.llmreference.console.services.Refusal;
import org.llmreference.console.services.Service;
import org.llmreference.console.services.ServiceApi;
import org.llmreference.console.web.CurrentEditor;
import org.llmreference.console.web.Screens;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

/**
 * Curated pairs (comparison-service's {@code /api/pairs}): the pairs editors gave a page beyond each
 * model's nearest peers, a form to curate one (two model fields suggesting the catalog's model ids) and
 * a button to withdraw one. What the API refuses (an unknown or retired model, not a pair) is shown next
 * to the model it names.
 */
@Controller
class PairsController {

    private static final int PAGE_SIZE = 1000;
    private static final int MAX_PAGES = 20;
    private static final int MODEL_PAGE_SIZE = 200;

    private final ServiceApi api;
    private final Screens screens;

    PairsController(ServiceApi api, Screens screens) {
        this.api = api;
        this.screens = screens;
    }

    @GetMapping("/console/pairs")
    ResponseEntity<String> list(HttpServletRequest request) {
        String notice = request.getParameter("curated") != null ? "Curated. Its page follows within seconds."
                : request.getParameter("withdrawn") != null ? "Curation withdrawn." : null;
        return screen(request, 200, "", "", Map.of(), null, notice);
    }

    @PostMapping("/console/pairs")
    ResponseEntity<String> curate(@RequestParam(defaultValue = "") String modelA,
            @RequestParam(defaultValue = "") String modelB, HttpServletRequest request) {
        String a = modelA.strip().toLowerCase(Locale.ROOT);
        String b = modelB.strip().toLowerCase(Locale.ROOT);
        Map<String, String> errors = new LinkedHashMap<>();
        if (a.isEmpty()) {
            errors.put("modelA", "is required");
        }
        if (b.isEmpty()) {
            errors.put("modelB", "is required");
        }
        if (!errors.isEmpty()) {
            return screen(request, 400, modelA, modelB, errors, null, null);
        }
        try {
            api.send(Service.COMPARISON, "PUT", "api/pairs/" + ServiceApi.encode(a + "-vs-" + b), CurrentEditor.token(),
                    null, null, null, null);
        } catch (Refusal refusal) {
            passOn(refusal);
            String problem = refusal.fieldErrors().isEmpty() ? refusal.getMessage()
                    : String.join("; ", refusal.fieldErrors().values());
            // The API names the pair; the model its message names is the field to fix.
            boolean namesA = problem.contains("'" + a + "'");
            boolean namesB = problem.contains("'" + b + "'");
            if (namesA == namesB) {
                errors.put("", problem);
            } else {
                errors.put(namesA ? "modelA" : "modelB", problem);
            }
            return screen(request, refusal.status(), modelA, modelB, errors, null, null);
        }
        return ResponseEntity.status(303).header("Location", "/console/pairs?curated").build();
    }

    @PostMapping("/console/pairs/{pairId}/withdraw")
    ResponseEntity<String> withdraw(@PathVariable String pairId, HttpServletRequest request) {
        try {
            api.send(Service.COMPARISON, "DELETE", "api/pairs/" + ServiceApi.encode(pairId), CurrentEditor.token(),
                    null, null, null, null);
        } catch (Refusal refusal) {
            passOn(refusal);
            return screen(request, refusal.status(), "", "", Map.of(), refusal.getMessage(), null);
        }
        return ResponseEntity.status(303).header("Location", "/console/pairs?withdrawn").build();
    }

    private ResponseEntity<String> screen(HttpServletRequest request, int status, String modelA, String modelB,
            Map<String, String> errors, String message, String notice) {
        String token = CurrentEditor.token();
        List<PairLine> pairs = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = api.get(Service.COMPARISON, "api/pairs?curated=true&size=" + PAGE_SIZE + "&page=" + page,
                    token).body();
            for (JsonNode pair : answer.path("items")) {
                pairs.add(new PairLine(pair.path("pairId").asString(""), pair.path("modelA").asString(""),
                        pair.path("modelB").asString(""), pair.path("live").asBoolean(false),
                        pair.path("peer").asBoolean(false)));
            }
            if ((long) (page + 1) * PAGE_SIZE >= answer.path("total").asLong(0)) {
                break;
            }
        }
        return screens.answer(status, "pairs.jte", "chrome", CurrentEditor.chrome(request, "Curated pairs", "pairs"),
                "pairs", pairs, "models", modelIds(token), "modelA", modelA, "modelB", modelB, "errors", errors,
                "message", message, "notice", notice);
    }

    /** Every model id of the catalog except retired ones, for the model fields' suggestions. */
    private List<String> modelIds(String token) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = api.get(Service.CATALOG, "api/models?size=" + MODEL_PAGE_SIZE + "&page=" + page, token).body();
            for (JsonNode model : answer.path("items")) {
                if (!"retired".equals(model.path("status").asString(""))) {
                    ids.add(model.path("id").asString(""));
                }
            }
            if ((long) (page + 1) * MODEL_PAGE_SIZE >= answer.path("total").asLong(0)) {
                break;
            }
        }
        return ids;
    }

    private static void passOn(Refusal refusal) {
        if (refusal.status() == 401 || refusal.status() == 403 || refusal.status() >= 500) {
            throw refusal;
        }
    }
}
