package org.llmreference.catalog.models.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmreference.catalog.models.EditRefused;
import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.FieldViolation;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** A refused edit leaves as the same problem document the API answered before edits had their own exception. */
class EditRefusalsTest {

    final MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/models/m");

    @Test
    void answersEachRefusalWithItsStatusTypeTitleAndMessage() {
        assertSame(EditRefused.notFound("m"), ApiProblem.notFound("model", "m"));
        assertSame(EditRefused.staleRevision(3, 4), ApiProblem.staleRevision(3, 4));
        assertAnswer(EditRefused.revisionOfAbsentModel("m"), 412, "stale-revision", "Stale revision",
                "If-Match names a revision of model 'm', which does not exist.");
        assertAnswer(EditRefused.concurrentEdit("m"), 409, "concurrent-edit", "Concurrent edit",
                "Model 'm' kept changing while this write was applied; read it again and retry.");
    }

    @Test
    void listsTheBrokenRulesOfAnInvalidModel() {
        List<FieldViolation> broken = List.of(new FieldViolation("name", "required", "is required"),
                new FieldViolation("vendor", "max", "at most 100 characters"));

        ProblemDetail problem = answer(EditRefused.invalid(broken)).getBody();

        assertSame(EditRefused.invalid(broken), ApiProblem.invalid(broken));
        assertSame(EditRefused.invalid(broken.subList(0, 1)), ApiProblem.invalid(broken.subList(0, 1)));
        assertThat(problem.getProperties()).containsEntry("errors", List.of(
                Map.of("field", "name", "rule", "required", "message", "is required"),
                Map.of("field", "vendor", "rule", "max", "message", "at most 100 characters")));
    }

    private void assertSame(EditRefused refused, ApiProblem before) {
        assertAnswer(refused, before.status().value(), before.type(), before.title(), before.getMessage());
    }

    private void assertAnswer(EditRefused refused, int status, String type, String title, String detail) {
        ResponseEntity<ProblemDetail> response = answer(refused);
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = response.getBody();
        assertThat(problem.getType()).hasToString("https://llmreference.org/problems/" + type);
        assertThat(problem.getTitle()).isEqualTo(title);
        assertThat(problem.getDetail()).isEqualTo(detail);
        assertThat(problem.getInstance()).hasToString("/api/models/m");
    }

    private ResponseEntity<ProblemDetail> answer(EditRefused refused) {
        return new EditRefusals().refused(refused, request);
    }
}
