package org.llmreference.catalog.models.web;

import org.llmreference.catalog.models.EditRefused;
import org.llmreference.platform.web.ProblemHandling;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers an {@link EditRefused} as a problem document, like every other error
 * ({@link ProblemHandling}): not found 404, stale revision 412, concurrent edit 409, invalid 400 with
 * the broken rules in {@code errors}. Ahead of the platform's handlers, whose catch-all would answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EditRefusals {

    @ExceptionHandler(EditRefused.class)
    ResponseEntity<ProblemDetail> refused(EditRefused refused, HttpServletRequest request) {
        HttpStatus status = switch (refused.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case STALE_REVISION -> HttpStatus.PRECONDITION_FAILED;
            case CONCURRENT_EDIT, ALIAS_TAKEN -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        String title = switch (refused.reason()) {
            case NOT_FOUND -> "Not found";
            case STALE_REVISION -> "Stale revision";
            case CONCURRENT_EDIT -> "Concurrent edit";
            case ALIAS_TAKEN -> "Id is an alias";
            case INVALID -> "Invalid input";
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemHandling.body(status, refused.reason().word(), title, refused.getMessage(),
                        refused.violations(), request.getRequestURI()));
    }
}
