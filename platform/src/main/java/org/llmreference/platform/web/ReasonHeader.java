package org.llmreference.platform.web;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks the {@value EditReason#HEADER} header of every request before a controller sees it (a bad
 * one is refused with a 400 problem naming the header, so nothing is changed), and makes the decoded
 * reason {@link EditReason#current()} while the request is handled.
 */
final class ReasonHeader extends OncePerRequestFilter {

    private final ProblemWriter problems;

    ReasonHeader(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String reason;
        try {
            reason = EditReason.decode(request.getHeader(EditReason.HEADER));
        } catch (ApiProblem problem) {
            problems.write(request, response, problem.status(), problem.type(), problem.title(), problem.getMessage(),
                    problem.violations());
            return;
        }
        try (EditReason.Scope scope = EditReason.during(reason)) {
            chain.doFilter(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
