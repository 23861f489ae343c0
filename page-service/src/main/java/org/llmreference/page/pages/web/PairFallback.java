package org.llmreference.page.pages.web;

import java.util.Map;
import java.util.Optional;

import org.llmreference.contracts.PairId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Answers {@code /compare/{a}-vs-{b}} for a pair (in canonical order) that has no live stored page:
 * a page computed on request, a redirect to an alias's model, or a page saying to come back soon.
 * Empty leaves the answer to the stored pages (410 for a withdrawn pair, else 404).
 */
public interface PairFallback {

    /**
     * @param parameters the query parameters (the calculator's workload when {@code requests} is among them)
     * @param query      the raw query string, kept on redirects; null when there is none
     */
    Optional<ResponseEntity<byte[]>> answer(PairId pair, Map<String, String> parameters, String query,
            HttpHeaders request);
}
