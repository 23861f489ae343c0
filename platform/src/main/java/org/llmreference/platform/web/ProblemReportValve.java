package org.llmreference.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What Tomcat answers itself, before any filter or servlet sees the request (a path with
 * {@code %2F}, {@code %5C} or {@code %00}, a malformed request line): a problem document with the
 * security headers, in place of Tomcat's HTML error page.
 */
public final class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

    private final ProblemWriter problems;

    ProblemReportValve(ProblemWriter problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        if (throwable != null) {
            log.error("Request to {} failed", request.getRequestURI(), throwable);
        }
        String detail = switch (status) {
            case BAD_REQUEST -> "The request is malformed: a path must not hold encoded slashes, backslashes or NUL "
                    + "characters, and the request line and headers must be valid HTTP.";
            case NOT_FOUND -> "Nothing is here.";
            default -> code >= 500 ? "The request failed on our side; it has been logged." : status.getReasonPhrase() + ".";
        };
        String type = status == HttpStatus.BAD_REQUEST ? "malformed-request"
                : status.name().toLowerCase().replace('_', '-');
        try {
            SecurityHeaders.write(request, response);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problems.body(status, type, status.getReasonPhrase(), detail, List.of(),
                        ProblemWriter.instance(request)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the error response", e);
        }
    }
}
