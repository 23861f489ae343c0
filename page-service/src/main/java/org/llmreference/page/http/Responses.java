package org.llmreference.page.http;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How every page, feed and stylesheet leaves: the precompressed bytes when the client takes gzip,
 * a strong {@code ETag} per encoding, {@code Last-Modified}, {@code Vary: Accept-Encoding}, the
 * caching policy, and 304 for a conditional GET that names what the client already has
 * ({@code If-None-Match}, else {@code If-Modified-Since}). HTML also carries a Content-Security-Policy
 * that allows nothing but our stylesheet, our images and forms posting back to us.
 */
public final class Responses {

    /** What an HTML page may load: our stylesheet and images, nothing else; no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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
        if (representation.contentType().isCompatibleWith(Representation.HTML)) {
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        byte[] body;
        if (gzip) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            body = representation.gzip();
        } else {
            body = representation.plainBytes();
        }
        return ResponseEntity.status(status).headers(headers).body(body);
    }

    /** 301 to {@code location} (a path of ours). */
    public static ResponseEntity<byte[]> movedPermanently(String location, String cacheControl) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(location))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
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
}
