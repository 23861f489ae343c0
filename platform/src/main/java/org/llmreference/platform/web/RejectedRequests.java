package org.llmreference.platform.web;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request Spring Security's firewall refuses (a path with {@code ;}, an encoded {@code .},
 * {@code %} or {@code /}, {@code ..}, a control character, an unusual method...) is answered with a
 * 400 problem and the security headers, instead of Spring's default error document.
 */
final class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    private final ProblemWriter problems;

    RejectedRequests(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Rejected request: {}", rejected.getMessage());
        problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request's path or method is not allowed here: a path must not hold encoded slashes, backslashes, "
                        + "dots or percent signs, semicolons, '..' segments or control characters.",
                List.of(new FieldViolation("path", "firewall", "is not a path this site serves")));
    }
}
