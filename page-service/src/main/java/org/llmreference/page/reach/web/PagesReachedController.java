package org.llmreference.page.reach.web;

import java.util.List;

import org.llmreference.page.reach.PageReached;
import org.llmreference.page.reach.PagesReached;
import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.PlainText;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The pages an edit reached, for the audit trail: the console joins each entry's {@code causedBy}
 * with this list. Under {@code /api/audit}, so it needs an ops, editor or admin token like the trail.
 */
@RestController
@Tag(name = "Audit", description = "Which pages an accepted change reached")
class PagesReachedController {

    private final PagesReached reached;

    PagesReachedController(PagesReached reached) {
        this.reached = reached;
    }

    /** At most this many edits in one request. */
    static final int MAX_EDITS = 100;

    record Answer(List<PageReached> pages) {
    }

    @GetMapping("/api/audit/pages")
    @Operation(summary = "The pages the edits causedBy (their X-Caused-By; comma-separated or repeated, at most 100) "
            + "reached: edit, pair, public path, revision, live, changed (false when only the revision moved), when; "
            + "needs an ops, editor or admin token")
    ResponseEntity<Answer> pages(@RequestParam(required = false) List<String> causedBy) {
        List<String> edits = causedBy == null ? List.of()
                : causedBy.stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        if (edits.isEmpty()) {
            throw ApiProblem.invalid("causedBy", "required", "is required: the X-Caused-By of an accepted change");
        }
        if (edits.size() > MAX_EDITS) {
            throw ApiProblem.invalid("causedBy", "too-many", "names at most " + MAX_EDITS + " edits at once");
        }
        for (String edit : edits) {
            if (edit.length() > 100 || PlainText.problem("causedBy", edit) != null) {
                throw ApiProblem.invalid("causedBy", "malformed", "must be event ids (at most 100 characters each)");
            }
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Answer(reached.of(edits)));
    }
}
