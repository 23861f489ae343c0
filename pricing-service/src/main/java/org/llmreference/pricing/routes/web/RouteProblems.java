package org.llmreference.pricing.routes.web;

import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.ProblemHandling;
import org.llmreference.pricing.routes.RouteRefusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The problem document of each {@link RouteRefusal}: 400 invalid input, 422 not admitted, 404 not
 * found, 412 stale revision, 409 concurrent change; the same documents as the platform's
 * {@link ProblemHandling} writes (ahead of whose catch-all this advice runs).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RouteProblems {

    @ExceptionHandler(RouteRefusal.class)
    ResponseEntity<ProblemDetail> refused(RouteRefusal refusal, HttpServletRequest request) {
        ApiProblem problem = problem(refusal);
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemHandling.body(problem.status(), problem.type(), problem.title(), problem.getMessage(),
                        problem.violations(), request.getRequestURI()));
    }

    /** The platform's problem for a refusal (Java 17: an instanceof chain over the sealed kinds). */
    static ApiProblem problem(RouteRefusal refusal) {
        if (refusal instanceof RouteRefusal.Invalid invalid) {
            return ApiProblem.invalid(invalid.violations());
        }
        if (refusal instanceof RouteRefusal.NotAdmitted refused) {
            return ApiProblem.unprocessable(refused.reason().field(), refused.reason().rule(), refused.reason().message());
        }
        if (refusal instanceof RouteRefusal.NotFound notFound) {
            return ApiProblem.notFound(notFound.kind(), notFound.id());
        }
        if (refusal instanceof RouteRefusal.StaleRevision stale) {
            return ApiProblem.staleRevision(stale.expected(), stale.current());
        }
        RouteRefusal.ConcurrentChange concurrent = (RouteRefusal.ConcurrentChange) refusal;
        return new ApiProblem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "The price list of '" + concurrent.modelId() + "' kept changing while this request was applied; send it again.");
    }
}
