package org.llmreference.page.site.web;

import java.util.List;

import org.llmreference.page.http.CachePolicy;
import org.llmreference.page.http.Responses;
import org.llmreference.page.site.SiteViews;
import org.llmreference.platform.web.ProblemHandling;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A path nothing answers: a browser (which asks for {@code text/html}) gets the helpful 404 page,
 * with suggestions from the last segment of the path; an API client gets the problem document every
 * service answers.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class HtmlNotFound {

    private final SiteViews views;

    HtmlNotFound(SiteViews views) {
        this.views = views;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<?> notFound(NoResourceFoundException e, HttpServletRequest servlet) {
        String path = servlet.getRequestURI();
        String accept = servlet.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            String asked = path.substring(path.lastIndexOf('/') + 1);
            HttpHeaders request = new HttpHeaders();
            String encodings = servlet.getHeader(HttpHeaders.ACCEPT_ENCODING);
            if (encodings != null) {
                request.set(HttpHeaders.ACCEPT_ENCODING, encodings);
            }
            return Responses.send(request, HttpStatus.NOT_FOUND, views.notFound(path, List.of(asked)), CachePolicy.NOT_FOUND);
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemHandling.body(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "Nothing is at " + path + ".", List.of(), path));
    }
}
