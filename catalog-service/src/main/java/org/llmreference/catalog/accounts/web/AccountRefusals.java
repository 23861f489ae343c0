package org.llmreference.catalog.accounts.web;

import org.llmreference.catalog.accounts.AccountRefused;
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

/** Answers an {@link AccountRefused} as a problem document: 400, 403, 404 or 409. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountRefusals {

    @ExceptionHandler(AccountRefused.class)
    ResponseEntity<ProblemDetail> refused(AccountRefused refused, HttpServletRequest request) {
        HttpStatus status = switch (refused.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        String type = switch (refused.reason()) {
            case INVALID -> "invalid-input";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> refused.violations().isEmpty() ? "conflict" : refused.violations().get(0).rule();
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemHandling.body(status, type, status.getReasonPhrase(), refused.getMessage(),
                        refused.violations(), request.getRequestURI()));
    }
}
