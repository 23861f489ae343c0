package org.llmreference.console.web;

import java.util.ArrayList;
import java.util.List;

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
    }

    /** The pages, or why there are none to show (the preview could not be computed). */
    public record Outcome(List<Page> pages, String unavailable) {
    }

    private final ServiceApi api;

    Preview(ServiceApi api) {
        this.api = api;
    }

    /**
     * Asks for the preview of {@code proposal} ({@code {"model": ...}}, {@code {"route": ...}} or
     * {@code {"withdrawRoute": ...}}). A refusal for bad input is thrown (the form shows it next to its
     * field); an unavailable preview comes back as {@link Outcome#unavailable()}.
     */
    public Outcome of(Object proposal, String token) {
        try {
            JsonNode answer = api.post(Service.COMPARISON, "api/previews", token, proposal).body();
            List<Page> pages = new ArrayList<>();
            for (JsonNode page : answer.path("pages")) {
                pages.add(new Page(page.path("pairId").asString(""), page.path("title").asString(""),
                        side(page.path("before")), side(page.path("after")), page.path("changed").asBoolean(false)));
            }
            return new Outcome(pages, null);
        } catch (Refusal refusal) {
            if (refusal.status() == 400 || refusal.status() == 422 || refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            return new Outcome(List.of(), "The preview could not be computed (" + refusal.getMessage() + ").");
        } catch (Unreachable unreachable) {
            return new Outcome(List.of(), unreachable.getMessage());
        }
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
