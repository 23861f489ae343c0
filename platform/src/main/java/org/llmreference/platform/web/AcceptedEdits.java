package org.llmreference.platform.web;

import java.io.IOException;

import org.llmreference.platform.tracing.CausedBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import io.micrometer.common.KeyValue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes the request that accepted an edit the first link of its chain in logs and traces. Every
 * write that changed something answers with {@value CausedBy#HEADER} (the id of the event it
 * started, which travels as {@code causedBy} through every service); when a response carries it,
 * this filter logs one line, {@code accepted PATCH /api/models/x rev 7 causedBy=...}, with
 * {@code causedBy} in the logging context, and tags the request's span with it. One place for the
 * three editor APIs instead of each controller.
 */
final class AcceptedEdits extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AcceptedEdits.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        String causedBy = response.getHeader(CausedBy.HEADER);
        if (causedBy == null || causedBy.isBlank()) {
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.addHighCardinalityKeyValue(KeyValue.of(CausedBy.KEY, causedBy)));
        String etag = response.getHeader("ETag");
        try (CausedBy.Scope logged = CausedBy.inLogs(causedBy)) {
            log.info("accepted {} {}{} -> {} causedBy={}", request.getMethod(), request.getRequestURI(),
                    etag == null ? "" : " rev " + etag.replace("\"", ""), response.getStatus(), causedBy);
        }
    }
}
