package org.llmreference.page.site.web;

import java.util.List;
import java.util.Optional;

import org.llmreference.contracts.Slugs;
import org.llmreference.page.facts.FactsView;
import org.llmreference.page.http.CachePolicy;
import org.llmreference.page.http.Representation;
import org.llmreference.page.http.Responses;
import org.llmreference.page.loading.CatalogLoading;
import org.llmreference.page.rendering.PageRenderer;
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

/** The front page and its search, model pages, the sitemap, the feed and the stylesheet. */
@Controller
class SiteController {

    private final SiteViews views;
    private final CatalogLoading loading;
    private final FactsView facts;

    SiteController(SiteViews views, CatalogLoading loading, FactsView facts) {
        this.views = views;
        this.loading = loading;
        this.facts = facts;
    }

    /**
     * {@code /?q=...}: the search runs here, so it works without JavaScript. While a bulk load runs the
     * page carries its banner and is never kept without asking again, so no cache shows it after the end.
     */
    @GetMapping("/")
    ResponseEntity<byte[]> front(@RequestParam(name = "q", required = false) String query,
            @RequestHeader HttpHeaders request) {
        boolean loadRunning = loading.current().isPresent();
        return Responses.send(request, HttpStatus.OK, views.front(query),
                loadRunning ? CachePolicy.WHILE_LOADING : CachePolicy.PAGE);
    }

    @GetMapping("/models/{id}")
    ResponseEntity<byte[]> model(@PathVariable String id, @RequestHeader HttpHeaders request,
            HttpServletRequest servlet) {
        if (!Slugs.isValid(id)) {
            return notFound(servlet, request, List.of(id));
        }
        // Another id of a model (a provider's spelling, a joined duplicate) answers with its model's page.
        Optional<String> canonical = facts.canonicalId(id).filter(other -> !other.equals(id));
        if (canonical.isPresent()) {
            return Responses.movedPermanently(PageRenderer.modelPath(canonical.get()), CachePolicy.REDIRECT);
        }
        return views.model(id).map(page -> Responses.send(request, HttpStatus.OK, page, CachePolicy.PAGE))
                .orElseGet(() -> notFound(servlet, request, List.of(id)));
    }

    @GetMapping("/models/**")
    ResponseEntity<byte[]> elsewhere(@RequestHeader HttpHeaders request, HttpServletRequest servlet) {
        return notFound(servlet, request, List.of(servlet.getRequestURI().replaceFirst("^/models/?", "")));
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> sitemap(@RequestHeader HttpHeaders request) {
        return Responses.send(request, HttpStatus.OK, views.sitemap(), CachePolicy.PAGE);
    }

    @GetMapping("/feed.xml")
    ResponseEntity<byte[]> feed(@RequestHeader HttpHeaders request) {
        return Responses.send(request, HttpStatus.OK, views.feed(), CachePolicy.PAGE);
    }

    @GetMapping(PageRenderer.STYLESHEET_PATH)
    ResponseEntity<byte[]> stylesheet(@RequestHeader HttpHeaders request) {
        return Responses.send(request, HttpStatus.OK, views.stylesheet(), CachePolicy.STYLESHEET);
    }

    @GetMapping(PageRenderer.CALCULATOR_SCRIPT_PATH)
    ResponseEntity<byte[]> calculatorScript(@RequestHeader HttpHeaders request) {
        return Responses.send(request, HttpStatus.OK, views.calculatorScript(), CachePolicy.STYLESHEET);
    }

    private ResponseEntity<byte[]> notFound(HttpServletRequest servlet, HttpHeaders request, List<String> asked) {
        Representation page = views.notFound(servlet.getRequestURI(), asked);
        return Responses.send(request, HttpStatus.NOT_FOUND, page, CachePolicy.NOT_FOUND);
    }
}
