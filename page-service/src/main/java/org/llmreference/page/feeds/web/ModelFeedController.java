package org.llmreference.page.feeds.web;

import java.util.List;
import java.util.Optional;

import org.llmreference.contracts.Slugs;
import org.llmreference.page.http.CachePolicy;
import org.llmreference.page.http.Representation;
import org.llmreference.page.http.Responses;
import org.llmreference.page.site.SiteViews;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /models/{id}/feed.xml}: each model's own Atom feed, the site feed's entries for that model's
 * pages. A model without a live comparison has no feed (404, as its model page).
 */
@Controller
class ModelFeedController {

    private final SiteViews views;

    ModelFeedController(SiteViews views) {
        this.views = views;
    }

    @GetMapping("/models/{id}/feed.xml")
    ResponseEntity<byte[]> feed(@PathVariable String id, @RequestHeader HttpHeaders request, HttpServletRequest servlet) {
        Optional<Representation> feed = Slugs.isValid(id) ? views.modelFeed(id) : Optional.empty();
        return feed.map(found -> Responses.send(request, HttpStatus.OK, found, CachePolicy.PAGE))
                .orElseGet(() -> Responses.send(request, HttpStatus.NOT_FOUND,
                        views.notFound(servlet.getRequestURI(), List.of(id)), CachePolicy.NOT_FOUND));
    }
}
