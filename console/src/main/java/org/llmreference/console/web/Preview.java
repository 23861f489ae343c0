package org.llmreference.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmreference.console.services.Refusal;
import org.llmreference.console.services.Service;
import org.llmreference.console.services.ServiceApi;
import org.llmreference.console.services.Unreachable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * What a proposed change would do to the published pages, from comparison-service's dry run
 * ({@code POST /api/previews}): each affected page before and after. Nothing is stored or published.
 */
@Component
public class Preview {

    /** One page's side of the preview. */
    public record Side(String verdict, List<Row> scorecard, String monthlyCostA, String monthlyCostB) {
    }

    /** One scorecard row. */
    public record Row(String label, String a, String b) {
    }

    /** One affected page. */
    public record Page(String pairId, String title, Side before, Side after, boolean changed) {

        /** The id of the pair's first model, whose column is {@code a} in the scorecard. */
        public String modelA() {
            int separator = pairId.indexOf(PAIR_SEPARATOR);
            return separator < 0 ? "A" : pairId.substring(0, separator);
        }

        /** The id of the pair's second model. */
        public String modelB() {
            int separator = pairId.indexOf(PAIR_SEPARATOR);
            return separator < 0 ? "B" : pairId.substring(separator + PAIR_SEPARATOR.length());
        }
    }

    /** One field the proposal changes, by its label in the form: the value now and the one proposed. */
    public record Change(String label, String now, String proposed) {
    }

    /** The pages, those that change first, or why there are none to show (the preview could not be computed). */
    public record Outcome(List<Page> pages, String unavailable) {

        /** How many of the affected pages change; the others are recomputed to the same content. */
        public long changedPages() {
            return pages.stream().filter(Page::changed).count();
        }
    }

    /** Between the two model ids of a pair id ({@code gpt-oss-20b-vs-qwen3.5-4b}); model ids never hold it. */
    private static final String PAIR_SEPARATOR = "-vs-";

    private final ServiceApi api;

    Preview(ServiceApi api) {
        this.api = api;
    }

    /**
     * Asks for the preview of {@code proposal} ({@code {"model": ...}}, {@code {"route": ...}} or
     * {@code {"withdrawRoute": ...}}). A refusal for bad input is thrown with its field problems named
     * as the form names them ({@code route.inputPricePerMTok} becomes {@code inputPricePerMTok}), so the
     * form shows each next to its field; an unavailable preview comes back as {@link Outcome#unavailable()}.
     */
    public Outcome of(Map<String, ?> proposal, String token) {
        try {
            JsonNode answer = api.post(Service.COMPARISON, "api/previews", token, proposal).body();
            List<Page> pages = new ArrayList<>();
            for (JsonNode page : answer.path("pages")) {
                pages.add(new Page(page.path("pairId").asString(""), page.path("title").asString(""),
                        side(page.path("before")), side(page.path("after")), page.path("changed").asBoolean(false)));
            }
            pages.sort(java.util.Comparator.comparing((Page page) -> !page.changed()));
            return new Outcome(pages, null);
        } catch (Refusal refusal) {
            if (refusal.status() == 400 || refusal.status() == 422) {
                throw asTheFormNamesIt(refusal, proposal.keySet());
            }
            if (refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            return new Outcome(List.of(), "The preview could not be computed (" + refusal.getMessage() + ").");
        } catch (Unreachable unreachable) {
            return new Outcome(List.of(), unreachable.getMessage());
        }
    }

    /** A monthly cost as the preview shows it: {@code $59.00} for the API's {@code 59.00}, "unknown" when absent. */
    public static String usd(String amount) {
        if (amount == null || amount.isBlank()) {
            return "unknown";
        }
        return amount.matches("-?\\d+(\\.\\d+)?") ? "$" + amount : amount;
    }

    /** The fields whose proposed value differs from the one now, labelled as the form labels them. */
    public static List<Change> changes(List<FormFields.Field> fields, Map<String, String> now, Map<String, String> proposed) {
        List<Change> changes = new ArrayList<>();
        for (FormFields.Field field : fields) {
            String before = now.getOrDefault(field.name(), "").strip();
            String after = proposed.getOrDefault(field.name(), "").strip();
            if (!before.equals(after)) {
                changes.add(new Change(field.shortLabel(), before, after));
            }
        }
        return changes;
    }

    /** The refusal with each field problem's path relative to the proposal it was found in. */
    static Refusal asTheFormNamesIt(Refusal refusal, Set<String> proposals) {
        Map<String, String> fields = new LinkedHashMap<>();
        refusal.fieldErrors().forEach((path, message) -> {
            String relative = proposals.stream().filter(name -> path.startsWith(name + "."))
                    .map(name -> path.substring(name.length() + 1)).findFirst().orElse(path);
            fields.merge(relative, message, (a, b) -> a + "; " + b);
        });
        return new Refusal(refusal.service(), refusal.status(), refusal.getMessage(), fields,
                refusal.retryAfterSeconds());
    }

    private static Side side(JsonNode side) {
        if (side.isMissingNode() || side.isNull()) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        side.path("scorecard").forEach(row -> rows.add(new Row(row.path("label").asString(""),
                row.path("a").asString(""), row.path("b").asString(""))));
        return new Side(side.path("verdict").asString(""), rows, side.path("monthlyCostA").asString(""),
                side.path("monthlyCostB").asString(""));
    }
}
