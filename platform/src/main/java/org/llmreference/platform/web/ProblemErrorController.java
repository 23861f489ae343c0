package org.llmreference.platform.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The error page of the servlet container ({@code /error}), reached when something outside Spring
 * MVC ended a request with an error status (a filter that threw, a {@code sendError}): the same
 * problem document as every other error, in place of Spring Boot's default error JSON.
 */
@Controller
final class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer number && HttpStatus.resolve(number) != null
                ? HttpStatus.resolve(number) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String text ? text : request.getRequestURI();
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status.is5xxServerError()) {
            log.error("Request to {} failed with {}", path, status.value(),
                    exception instanceof Throwable thrown ? thrown : null);
        }
        String detail = switch (status) {
            case NOT_FOUND -> "Nothing is at " + path + ".";
            case BAD_REQUEST -> "The request is malformed.";
            default -> status.is5xxServerError() ? "The request failed on our side; it has been logged."
                    : status.getReasonPhrase() + ".";
        };
        String type = status.is5xxServerError() ? "internal-error" : status.name().toLowerCase().replace('_', '-');
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(problems.body(status, type, status.getReasonPhrase(), detail, List.of(), instanceOf(path)));
    }

    private static String instanceOf(String path) {
        try {
            return path == null ? null : java.net.URI.create(path).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
