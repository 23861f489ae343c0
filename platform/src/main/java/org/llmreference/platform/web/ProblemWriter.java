package org.llmreference.platform.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem document, with the security headers, where Spring MVC does not answer: a
 * request refused before it reaches a controller (a malformed query string, a path the firewall
 * rejects) or an error Tomcat answers itself.
 */
public final class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** The problem document as JSON text. */
    public String body(HttpStatus status, String type, String title, String detail, List<FieldViolation> violations,
            String instance) {
        return json.writeValueAsString(ProblemHandling.body(status, type, title, detail, violations, instance));
    }

    /** Answers the request with the problem, replacing anything buffered so far. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail, List<FieldViolation> violations) throws IOException {
        if (!response.isCommitted()) {
            response.resetBuffer();
        }
        response.setStatus(status.value());
        SecurityHeaders.write(request, response);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status, type, title, detail, violations, instance(request)));
        response.flushBuffer();
    }

    /**
     * The request's path for the problem's {@code instance}, when it is a valid URI reference (a
     * rejected path may not be one).
     */
    static String instance(HttpServletRequest request) {
        String uri = request.getRequestURI();
        try {
            return uri == null ? null : java.net.URI.create(uri).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
