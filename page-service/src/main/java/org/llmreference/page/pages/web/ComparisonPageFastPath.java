package org.llmreference.page.pages.web;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.llmreference.contracts.PairId;
import org.llmreference.page.freshness.Freshness;
import org.llmreference.page.freshness.web.StaleHeader;
import org.llmreference.page.http.CachePolicy;
import org.llmreference.page.http.PlainCopies;
import org.llmreference.page.http.Responses;
import org.llmreference.page.pages.PageCache;
import org.llmreference.page.pages.ServedPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers what visitors ask for most, {@code GET} or {@code HEAD /compare/{a}-vs-{b}} of a live page
 * (200 or 304) and of a pair in the other order (301), straight from the {@link PageCache}: a Tomcat
 * valve at the head of the engine's pipeline, ahead of the web application itself (its context's
 * valves, the filter chain Tomcat builds per request, the HTTP observation, Spring Security and Spring
 * MVC). The answer, the headers Spring Security would add and the {@code http.server.requests} timer
 * are the same as through the whole chain, but no span is opened and no filter chain is built for
 * them. While Kafka or MongoDB is away the answer carries {@link Freshness#HEADER}, like every other
 * answer. A client that does not take gzip gets the plain bytes from {@link PlainCopies} (inflated
 * once per revision of a hot page).
 *
 * <p>Anything else goes on to the application as before: other methods, a request carrying
 * {@code Authorization} (the bearer-token filter judges it), a query (the cost calculator's
 * workload), a path that is not a plain pair of slugs, an unknown pair (the helpful 404 page) and a
 * withdrawn one (410), which {@link ComparisonPageController} answers.
 */
final class ComparisonPageFastPath extends ValveBase {

    static final String PREFIX = "/compare/";
    static final String JSON = ".json";
    /** The route's template, the {@code uri} tag of {@code http.server.requests} for these answers. */
    static final String ROUTE = "/compare/{pairId}";
    /** The extensions Spring MVC takes as safe ({@code AbstractMessageConverterMethodProcessor}). */
    private static final Set<String> SAFE_EXTENSIONS = Set.of("txt", "text", "yml", "properties", "csv", "json", "xml",
            "atom", "rss", "png", "jpe", "jpeg", "jpg", "gif", "wbmp", "bmp");

    private final PageCache pages;
    private final Freshness freshness;
    private final MeterRegistry meters;
    private final PlainCopies plainCopies;
    private final Map<HttpMethod, Map<Integer, Timer>> timers = Map.of(HttpMethod.GET, new ConcurrentHashMap<>(),
            HttpMethod.HEAD, new ConcurrentHashMap<>());

    ComparisonPageFastPath(PageCache pages, Freshness freshness, MeterRegistry meters, PlainCopies plainCopies) {
        super(true);
        this.pages = pages;
        this.freshness = freshness;
        this.meters = meters;
        this.plainCopies = plainCopies;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!answered(request, response)) {
            getNext().invoke(request, response);
        }
    }

    /** Whether the request was answered here; when not, nothing was written and the application answers it. */
    boolean answered(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        String method = request.getMethod();
        boolean get = "GET".equals(method);
        if (!(get || "HEAD".equals(method)) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getQueryString() != null) {
            return false;
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith(PREFIX) || !isPlainSlugs(uri, PREFIX.length()) || uri.endsWith(JSON)) {
            // a comparison's JSON is the public API's, not a page
            return false;
        }
        String written = uri.substring(PREFIX.length());
        // Pages are held under their canonical pair id: a page held is a pair written in order, unparsed.
        Optional<ServedPage> held = pages.held(written);
        if (held.isEmpty()) {
            PairId pair;
            try {
                pair = PairId.parse(written);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (!pair.isWrittenAs(written)) {
                SecurityHeaders.write(request, response);
                StaleHeader.stamp(freshness, response);
                Responses.writeMovedPermanently(request, response, PREFIX + pair, CachePolicy.REDIRECT);
                timed(get, response, start);
                return true;
            }
            held = pages.get(written);
        }
        if (held.isEmpty() || !held.get().page().live()) {
            return false;
        }
        SecurityHeaders.write(request, response);
        StaleHeader.stamp(freshness, response);
        Responses.write(request, response, held.get().representation(), CachePolicy.PAGE, contentDisposition(written),
                plainCopies);
        timed(get, response, start);
        return true;
    }

    private void timed(boolean get, HttpServletResponse response, long start) {
        timer(get ? HttpMethod.GET : HttpMethod.HEAD, response.getStatus())
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /**
     * Spring MVC's guard against reflected file downloads: a 2xx body for a path whose last segment has
     * an extension it does not know as safe gets {@code Content-Disposition: inline;filename=f.txt}
     * ({@code .../qwen3.5-4b} has the "extension" {@code 5-4b}). Browsers show the page all the same.
     */
    static String contentDisposition(String pairId) {
        int dot = pairId.lastIndexOf('.');
        if (dot < 0 || dot == pairId.length() - 1 || SAFE_EXTENSIONS.contains(pairId.substring(dot + 1))) {
            return null;
        }
        return "inline;filename=f.txt";
    }

    /** Only letters, digits, dots and hyphens after the prefix: anything else is for the whole chain to judge. */
    private static boolean isPlainSlugs(String uri, int from) {
        if (uri.length() == from) {
            return false;
        }
        for (int i = from; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** {@code http.server.requests} with the tags Spring's observation gives it, so both count in one series. */
    private Timer timer(HttpMethod method, int status) {
        return timers.get(method).computeIfAbsent(status, code -> Timer.builder("http.server.requests")
                .tag("method", method.name()).tag("uri", ROUTE).tag("status", Integer.toString(code))
                .tag("outcome", code < 400 ? (code < 300 ? "SUCCESS" : "REDIRECTION") : "CLIENT_ERROR")
                .tag("exception", "none").tag("error", "none").register(meters));
    }
}
