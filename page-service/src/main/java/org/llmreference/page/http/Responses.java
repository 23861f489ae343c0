package org.llmreference.page.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How every page, feed and stylesheet leaves: the precompressed bytes when the client takes gzip,
 * a strong {@code ETag} per encoding, {@code Last-Modified}, {@code Vary: Accept-Encoding}, the
 * caching policy, and 304 for a conditional GET that names what the client already has
 * ({@code If-None-Match}, else {@code If-Modified-Since}). HTML also carries a Content-Security-Policy
 * that allows nothing but our stylesheet, our script (the cost calculator), our images and forms
 * posting back to us.
 *
 * <p>{@link #send} answers through Spring MVC; {@link #write} writes the same answer straight to the
 * servlet response (the fast path of comparison pages).
 */
public final class Responses {

    /** What an HTML page may load: our stylesheet, script and images, nothing else; no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final String GZIP = "gzip";

    private Responses() {
    }

    /**
     * {@code representation} with {@code status}; a 200 becomes 304 when the request's validators
     * match (only a 2xx answer is ever conditional).
     */
    public static ResponseEntity<byte[]> send(HttpHeaders request, HttpStatus status, Representation representation,
            String cacheControl) {
        boolean gzip = AcceptEncoding.allowsGzip(request.getFirst(HttpHeaders.ACCEPT_ENCODING));
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(cacheControl);
        headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
        headers.setETag(gzip ? representation.gzipEtag() : representation.etag());
        if (representation.lastModified() != null) {
            headers.setLastModified(representation.lastModified());
        }
        if (status == HttpStatus.OK && notModified(request, representation)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        headers.setContentType(representation.contentType());
        if (representation.isHtml()) {
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        byte[] body;
        if (gzip) {
            headers.set(HttpHeaders.CONTENT_ENCODING, GZIP);
            body = representation.gzip();
        } else {
            body = representation.plainBytes();
        }
        return ResponseEntity.status(status).headers(headers).body(body);
    }

    /**
     * The answer of {@link #send} for a 200, written to {@code response} without Spring MVC: the same
     * status, headers and body (none for {@code HEAD}), from values the representation holds ready.
     *
     * @param contentDisposition what Spring MVC adds as {@code Content-Disposition} to a 200 for this
     *                           path (null: nothing)
     * @param plainCopies        where the identity bytes come from when the client does not take gzip
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, Representation representation,
            String cacheControl, String contentDisposition, PlainCopies plainCopies) throws IOException {
        boolean gzip = AcceptEncoding.allowsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (representation.lastModifiedValue() != null) {
            response.setHeader(HttpHeaders.LAST_MODIFIED, representation.lastModifiedValue());
        }
        response.setHeader(HttpHeaders.ETAG, gzip ? representation.gzipEtag() : representation.etag());
        if (isConditional(request) && notModified(conditions(request), representation)) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        if (representation.isHtml()) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, GZIP);
        }
        if (contentDisposition != null) {
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition);
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(representation.contentTypeValue());
        response.setContentLength(gzip ? representation.gzip().length : representation.plainLength());
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        OutputStream out = response.getOutputStream();
        if (gzip) {
            out.write(representation.gzip());
        } else {
            plainCopies.writePlain(representation, out);
        }
    }

    /** 301 to {@code location} (a path of ours). */
    public static ResponseEntity<byte[]> movedPermanently(String location, String cacheControl) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(location))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    /** The answer of {@link #movedPermanently}, written to {@code response} without Spring MVC. */
    public static void writeMovedPermanently(HttpServletRequest request, HttpServletResponse response, String location,
            String cacheControl) {
        response.setStatus(HttpStatus.MOVED_PERMANENTLY.value());
        response.setHeader(HttpHeaders.LOCATION, location);
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (!"HEAD".equals(request.getMethod())) {
            response.setContentLength(0);
        }
    }

    /** RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only without it. */
    static boolean notModified(HttpHeaders request, Representation representation) {
        List<String> ifNoneMatch = request.getIfNoneMatch();
        if (!ifNoneMatch.isEmpty()) {
            return ifNoneMatch.stream().anyMatch(representation::isNamedBy);
        }
        long ifModifiedSince = request.getIfModifiedSince();
        Instant lastModified = representation.lastModified();
        return ifModifiedSince >= 0 && lastModified != null && lastModified.getEpochSecond() * 1000 <= ifModifiedSince;
    }

    private static boolean isConditional(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.IF_NONE_MATCH) != null
                || request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null;
    }

    /** The request's validators, read as Spring MVC reads them. */
    private static HttpHeaders conditions(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        for (String name : List.of(HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE)) {
            var values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                headers.add(name, values.nextElement());
            }
        }
        return headers;
    }
}
