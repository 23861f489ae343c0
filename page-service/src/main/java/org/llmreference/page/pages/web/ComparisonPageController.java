package org.llmreference.page.pages.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmreference.contracts.PairId;
import org.llmreference.page.http.CachePolicy;
import org.llmreference.page.http.Responses;
import org.llmreference.page.pages.MissingPages;
import org.llmreference.page.pages.PageCache;
import org.llmreference.page.pages.ServedPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /compare/{a}-vs-{b}}: the stored page (200), the pair in the other order (301 to the
 * canonical one), a withdrawn pair (410 and why), anything else under {@code /compare/} the helpful
 * 404 page. Always HTML, never a problem document. Most visitors' requests for live pages and
 * reversed pairs are answered before they get here, by {@link ComparisonPageFastPath}, the same way.
 */
@Controller
class ComparisonPageController {

    private final PageCache pages;
    private final MissingPages views;
    private final ObjectProvider<PairFallback> fallback;

    ComparisonPageController(PageCache pages, MissingPages views, ObjectProvider<PairFallback> fallback) {
        this.pages = pages;
        this.views = views;
        this.fallback = fallback;
    }

    @GetMapping("/compare/{pairId}")
    ResponseEntity<byte[]> comparison(@PathVariable String pairId, @RequestHeader HttpHeaders request,
            HttpServletRequest servlet) {
        PairId pair;
        try {
            pair = PairId.parse(pairId);
        } catch (IllegalArgumentException e) {
            return notFound(servlet, request, askedIn(pairId));
        }
        if (!pair.isWrittenAs(pairId)) {
            return Responses.movedPermanently("/compare/" + pair, CachePolicy.REDIRECT);
        }
        Optional<ServedPage> page = pages.get(pair.toString());
        if (page.isEmpty() || !page.get().page().live()) {
            // A pair without a live stored page: computed on request while both models are live.
            PairFallback other = fallback.getIfAvailable();
            Optional<ResponseEntity<byte[]>> answer = other == null ? Optional.empty()
                    : other.answer(pair, Map.of(), servlet.getQueryString(), request);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        if (page.isEmpty()) {
            return notFound(servlet, request, List.of(pair.a(), pair.b()));
        }
        ServedPage served = page.get();
        if (!served.page().live()) {
            return Responses.send(request, HttpStatus.GONE, views.gone(served.page()), CachePolicy.PAGE);
        }
        return Responses.send(request, HttpStatus.OK, served.representation(), CachePolicy.PAGE);
    }

    @GetMapping("/compare/**")
    ResponseEntity<byte[]> elsewhere(@RequestHeader HttpHeaders request, HttpServletRequest servlet) {
        String rest = servlet.getRequestURI().replaceFirst("^/compare/?", "");
        return notFound(servlet, request, askedIn(rest));
    }

    private ResponseEntity<byte[]> notFound(HttpServletRequest servlet, HttpHeaders request, List<String> asked) {
        return Responses.send(request, HttpStatus.NOT_FOUND, views.notFound(servlet.getRequestURI(), asked),
                CachePolicy.NOT_FOUND);
    }

    /** The words a visitor was after in a malformed pair: its two sides, or the whole. */
    private static List<String> askedIn(String text) {
        String[] sides = text.split("-vs-|/", -1);
        return sides.length > 1 ? List.of(sides) : List.of(text);
    }
}
