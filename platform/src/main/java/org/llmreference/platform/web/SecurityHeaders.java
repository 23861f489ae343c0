package org.llmreference.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every answer carries: Spring Security's header writers add them to what
 * passes its filter chain ({@code ApiSecurityConfiguration}); answers written before or outside it
 * (rejected requests, errors Tomcat answers itself, page-service's fast path) write them here.
 */
public final class SecurityHeaders {

    /** Links to other sites send our origin only, and only over HTTPS; never a path or query. */
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private SecurityHeaders() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
    }
}
