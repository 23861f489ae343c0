package org.llmreference.page.calculator.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmreference.contracts.PairId;
import org.llmreference.page.calculator.CalculatedPage;
import org.llmreference.page.calculator.CalculatorPages;
import org.llmreference.page.http.CachePolicy;
import org.llmreference.page.http.Responses;
import org.llmreference.page.pages.MissingPages;
import org.llmreference.page.pages.web.PairFallback;
import org.springframework.beans.factory.ObjectProvider;
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
 * The cost calculator without JavaScript on comparison pages: {@code GET /compare/{a}-vs-{b}?requests=...}
 * answers the page recomputed at the visitor's workload ({@code noindex}, never stored or shared by
 * caches), or 400 with the form saying which value is wrong. Without the {@code requests} parameter
 * the page's own controller answers. (Model pages: {@code ModelWorkloadController}.)
 */
@Controller
class CalculatorController {

    private final CalculatorPages pages;
    private final MissingPages missing;
    private final ObjectProvider<PairFallback> fallback;

    CalculatorController(CalculatorPages pages, MissingPages missing, ObjectProvider<PairFallback> fallback) {
        this.pages = pages;
        this.missing = missing;
        this.fallback = fallback;
    }

    @GetMapping(path = "/compare/{pairId}", params = "requests")
    ResponseEntity<byte[]> comparison(@PathVariable String pairId, @RequestParam Map<String, String> parameters,
            @RequestHeader HttpHeaders request, HttpServletRequest servlet) {
        PairId pair;
        try {
            pair = PairId.parse(pairId);
        } catch (IllegalArgumentException e) {
            return notFound(servlet, request, List.of(pairId));
        }
        if (!pair.isWrittenAs(pairId)) {
            return Responses.movedPermanently("/compare/" + pair + "?" + servlet.getQueryString(), CachePolicy.REDIRECT);
        }
        Optional<CalculatedPage> stored = pages.comparison(pair.toString(), parameters);
        PairFallback other = fallback.getIfAvailable();
        if (stored.isEmpty() && other != null) {
            // A pair without a live stored page: computed on request, at the visitor's workload.
            Optional<ResponseEntity<byte[]>> answer = other.answer(pair, parameters, servlet.getQueryString(), request);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return answer(stored, servlet, request, List.of(pair.a(), pair.b()));
    }

    private ResponseEntity<byte[]> answer(Optional<CalculatedPage> page, HttpServletRequest servlet,
            HttpHeaders request, List<String> asked) {
        if (page.isEmpty()) {
            return notFound(servlet, request, asked);
        }
        HttpStatus status = page.get().valid() ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
        return Responses.send(request, status, page.get().representation(), CachePolicy.WORKLOAD);
    }

    private ResponseEntity<byte[]> notFound(HttpServletRequest servlet, HttpHeaders request, List<String> asked) {
        return Responses.send(request, HttpStatus.NOT_FOUND, missing.notFound(servlet.getRequestURI(), asked),
                CachePolicy.NOT_FOUND);
    }
}
