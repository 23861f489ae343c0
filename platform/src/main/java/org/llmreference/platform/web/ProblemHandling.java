package org.llmreference.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.llmreference.platform.messaging.StorageOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import tools.jackson.core.JacksonException;

/**
 * Every error leaves as an RFC 9457 problem ({@code application/problem+json}) that says what is
 * wrong: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, and for bad
 * input an {@code errors} list of {field, rule, message}. Never a stack trace; a 500 only for a
 * fault of ours, logged with its cause.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    /** Where problem types are documented: {@code type} is this plus a short word. */
    public static final String TYPE_BASE = "https://llmreference.org/problems/";

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, WebRequest request) {
        return respond(problem.status(), problem.type(), problem.title(), problem.getMessage(), problem.violations(),
                request);
    }

    @ExceptionHandler(JacksonException.class)
    ResponseEntity<Object> unreadableTree(JacksonException e, WebRequest request) {
        // Converting a merged JSON tree (PATCH) to its record: the same faults as an unreadable body.
        return unreadable(e, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> parameterType(MethodArgumentTypeMismatchException e, WebRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return respond(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                e.getName() + ": '" + e.getValue() + "' is not a valid " + expected,
                List.of(new FieldViolation(e.getName(), "type", "must be a valid " + expected)), request);
    }

    @ExceptionHandler({ MongoTimeoutException.class, MongoSocketException.class })
    ResponseEntity<Object> storageUnavailable(Exception e, WebRequest request) {
        log.warn("Storage unavailable: {}", e.getMessage());
        ResponseEntity<Object> response = respond(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                "Storage unavailable", "The database cannot be reached right now; nothing was changed. Retry shortly.",
                List.of(), request);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        PayloadTooLarge tooLarge = PayloadTooLarge.in(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge, request);
        }
        if (StorageOutages.isOutage(e)) {
            return storageUnavailable(e, request);
        }
        if (messagingOutage(e)) {
            log.warn("Kafka unavailable on {}: {}", describe(request), e.getMessage());
            ResponseEntity<Object> response = respond(HttpStatus.SERVICE_UNAVAILABLE, "messaging-unavailable",
                    "Messaging unavailable", "Kafka cannot be reached right now, so what this request changes could "
                            + "not be published yet; anything it stored is published once Kafka is back. Retry shortly.",
                    List.of(), request);
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "10").body(response.getBody());
        }
        log.error("Unexpected error on {}", describe(request), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed on our side; it has been logged. Nothing is known to have changed.", List.of(),
                request);
    }

    /** Whether publishing to Kafka failed somewhere under {@code e} (a service that publishes before it answers). */
    private static boolean messagingOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.llmreference.platform.messaging.PublishingFailed) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLarge tooLarge = PayloadTooLarge.in(e);
        if (tooLarge != null) {
            return tooLarge(tooLarge, request);
        }
        if (e.getCause() instanceof JacksonException jackson) {
            return unreadable(jackson, request);
        }
        String message = e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "a JSON body is required" : "must be a JSON document";
        return respond(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", "body: " + message,
                List.of(new FieldViolation("body", message.startsWith("a JSON body") ? "required" : "malformed-json",
                        message)), request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            org.springframework.web.bind.ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return respond(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                    missing.getHeaderName() + " header is required",
                    List.of(new FieldViolation(missing.getHeaderName(), "required", "is required")), request);
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // Spring MVC's own faults (405, 415, 404, ...): keep its problem, add our type and instance.
        if (body instanceof ProblemDetail problem) {
            problem.setType(URI.create(TYPE_BASE + slug(statusCode)));
            if (request instanceof ServletWebRequest servlet) {
                problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
            }
        }
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, statusCode, request);
        return response == null ? null
                : ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    private ResponseEntity<Object> unreadable(JacksonException e, WebRequest request) {
        FieldViolation violation = JsonFaults.describe(e);
        return respond(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                violation.field() + ": " + violation.message(), List.of(violation), request);
    }

    private ResponseEntity<Object> tooLarge(PayloadTooLarge e, WebRequest request) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large", e.getMessage(),
                List.of(new FieldViolation("body", "max-size", e.getMessage())), request);
    }

    /** Writes one problem response. */
    static ResponseEntity<Object> respond(HttpStatus status, String type, String title, String detail,
            List<FieldViolation> violations, WebRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(status, type, title, detail, violations, describe(request)));
    }

    /** The problem document; also written by the security filters, which run outside Spring MVC. */
    public static ProblemDetail body(HttpStatus status, String type, String title, String detail,
            List<FieldViolation> violations, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations.stream()
                    .map(v -> Map.of("field", v.field(), "rule", v.rule(), "message", String.valueOf(v.message())))
                    .toList());
        }
        return problem;
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? String.valueOf(status.value()) : known.name().toLowerCase().replace('_', '-');
    }
}
