package org.llmreference.page.site.web;

import java.util.List;
import java.util.Map;

import org.llmreference.contracts.Slugs;
import org.llmreference.page.http.CachePolicy;
import org.llmreference.page.http.Responses;
import org.llmreference.page.site.SiteViews;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The cost calculator without JavaScript on model pages: {@code GET /models/{id}?requests=...}
 * answers the model page with its routes and cost at the visitor's workload ({@code noindex}, never
 * kept), or 400 with the form saying which value is wrong.
 */
@Controller
class ModelWorkloadController {

    private final SiteViews views;

    ModelWorkloadController(SiteViews views) {
        this.views = views;
    }

    @GetMapping(path = "/models/{id}", params = "requests")
    ResponseEntity<byte[]> model(@PathVariable String id, @RequestParam Map<String, String> parameters,
            @RequestHeader HttpHeaders request, HttpServletRequest servlet) {
        if (Slugs.isValid(id)) {
            var page = views.model(id, parameters);
            if (page.isPresent()) {
                HttpStatus status = page.get().valid() ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
                return Responses.send(request, status, page.get().representation(), CachePolicy.WORKLOAD);
            }
        }
        return Responses.send(request, HttpStatus.NOT_FOUND, views.notFound(servlet.getRequestURI(), List.of(id)),
                CachePolicy.NOT_FOUND);
    }
}
