package org.llmreference.page.pages.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers Spring Security's default header writers add to every answer (the platform turns only
 * its cache-control writer off, and adds Referrer-Policy), for answers written ahead of its filter
 * chain. A test compares them with what the chain itself adds.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response) {
        org.llmreference.platform.web.SecurityHeaders.write(request, response);
    }
}
