package org.llmreference.page.pages.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers Spring Security's default header writers add to every answer (the platform turns only
 * its cache-control writer off), for answers written ahead of its filter chain. A test compares them
 * with what the chain itself adds.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
    }
}
