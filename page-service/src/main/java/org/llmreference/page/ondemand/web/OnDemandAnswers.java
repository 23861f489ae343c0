package org.llmreference.page.ondemand.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmreference.contracts.PairId;
import org.llmreference.contracts.comparison.Comparison;
import org.llmreference.page.calculator.WorkloadParameters;
import org.llmreference.page.calculator.WorkloadPrices;
import org.llmreference.page.http.CachePolicy;
import org.llmreference.page.http.Representation;
import org.llmreference.page.http.Responses;
import org.llmreference.page.ondemand.OnDemandComparison;
import org.llmreference.page.ondemand.OnDemandPairs;
import org.llmreference.page.ondemand.OnDemandPairs.Computed;
import org.llmreference.page.ondemand.OnDemandPairs.MovedTo;
import org.llmreference.page.ondemand.OnDemandPairs.NotReady;
import org.llmreference.page.pages.web.PairFallback;
import org.llmreference.page.rendering.ComparisonPage;
import org.llmreference.page.rendering.PageRenderer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * {@code /compare/{a}-vs-{b}} of a pair without a live stored page: the page computed on request
 * ({@code noindex}, at the page's traffic or a visitor's workload), 301 from an alias to its model's
 * pair, or, until the facts view has read the whole catalog, 503 with {@code Retry-After}.
 */
public class OnDemandAnswers implements PairFallback {

    /** Seconds a visitor is asked to wait while the facts view is still reading the catalog. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final String NOT_READY = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>Starting up</title><link rel="stylesheet" href="%s"></head>
            <body><main><h1>Starting up</h1><p>The site is still reading the model catalog and cannot compare
            these two models yet. Please try again in a few seconds.</p><p><a href="/">Front page</a></p></main></body></html>
            """.formatted(PageRenderer.STYLESHEET_PATH);

    private final OnDemandPairs pairs;
    private final PageRenderer renderer;
    private final Clock clock;
    /** The rendered page of each computed comparison, held while the comparison is (keys compared by identity). */
    private final Cache<OnDemandComparison, Representation> rendered;

    public OnDemandAnswers(OnDemandPairs pairs, PageRenderer renderer, Clock clock, long maxPages) {
        this.pairs = pairs;
        this.renderer = renderer;
        this.clock = clock;
        this.rendered = Caffeine.newBuilder().weakKeys().maximumSize(maxPages).build();
    }

    @Override
    public Optional<ResponseEntity<byte[]>> answer(PairId pair, Map<String, String> parameters, String query,
            HttpHeaders request) {
        OnDemandPairs.Outcome outcome = pairs.find(pair);
        if (outcome instanceof MovedTo moved) {
            String location = PageRenderer.comparePath(moved.pair().toString()) + (query == null ? "" : "?" + query);
            return Optional.of(Responses.movedPermanently(location, CachePolicy.REDIRECT));
        }
        if (outcome instanceof NotReady) {
            ResponseEntity<byte[]> page = Responses.send(request, HttpStatus.SERVICE_UNAVAILABLE,
                    Representation.of(Representation.HTML, NOT_READY, null, null), CachePolicy.NOT_FOUND);
            return Optional.of(ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)).body(page.getBody()));
        }
        if (!(outcome instanceof Computed computed)) {
            return Optional.empty();
        }
        OnDemandComparison found = computed.comparison();
        if (!WorkloadParameters.asked(parameters) || found.comparison().monthlyCost() == null) {
            Representation page = rendered.get(found, comparison -> render(comparison, comparison.comparison(), null));
            return Optional.of(Responses.send(request, HttpStatus.OK, page, CachePolicy.PAGE));
        }
        WorkloadParameters asked = WorkloadParameters.read(parameters, found.comparison().monthlyCost().profile());
        Comparison shown = asked.profile() == null ? found.comparison()
                : WorkloadPrices.comparison(found.comparison(), asked.profile());
        Representation page = render(found, shown, asked);
        HttpStatus status = asked.profile() != null ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
        return Optional.of(Responses.send(request, status, page, CachePolicy.WORKLOAD));
    }

    private Representation render(OnDemandComparison found, Comparison shown, WorkloadParameters asked) {
        String html = renderer.comparison(new ComparisonPage(shown, found.factsVersion(), found.computedAt(),
                clock.instant(), List.of(), asked == null ? null : asked.workload(), true));
        return Representation.of(Representation.HTML, html, null, found.computedAt());
    }
}
