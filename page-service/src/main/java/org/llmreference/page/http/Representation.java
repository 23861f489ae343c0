package org.llmreference.page.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

import org.springframework.http.MediaType;

/**
 * One resource as served: its bytes gzipped (and, when at hand, as they are), a strong entity tag
 * and when it last changed. Without the plain bytes, they are inflated from the gzip on demand
 * (few clients refuse gzip).
 *
 * @param etag a strong entity tag with its quotes, e.g. {@code "3-9f86d081884c7d65"}, of the plain
 *             bytes; the gzip bytes go out as {@link #gzipEtag()}
 */
public record Representation(MediaType contentType, byte[] gzip, byte[] plain, String etag, Instant lastModified) {

    public static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    public static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");
    public static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    public static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");

    static final String GZIP_SUFFIX = "-gzip";

    public Representation {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(gzip, "gzip");
        Objects.requireNonNull(etag, "etag");
    }

    /** Text, compressed now, tagged by a hash of its bytes (prefixed by {@code tagPrefix} when not null). */
    public static Representation of(MediaType contentType, String text, String tagPrefix, Instant lastModified) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        return new Representation(contentType, Gzip.compress(plain), plain, etag(tagPrefix, plain), lastModified);
    }

    /** {@code "<prefix>-<first 16 hex digits of the SHA-256 of bytes>"}, or the hash alone. */
    public static String etag(String prefix, byte[] bytes) {
        String hash = sha256(bytes).substring(0, 16);
        return "\"" + (prefix == null ? hash : prefix + "-" + hash) + "\"";
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The plain bytes, inflated from the gzip when they were not kept. */
    public byte[] plainBytes() {
        return plain != null ? plain : Gzip.decompress(gzip);
    }

    /** The entity tag of the gzip bytes: another representation, so another strong tag. */
    public String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"";
    }

    /** Whether {@code tag} (from {@code If-None-Match}, weak or strong, of either encoding) names this. */
    boolean isNamedBy(String tag) {
        String candidate = tag.strip();
        if (candidate.equals("*")) {
            return true;
        }
        if (candidate.startsWith("W/")) {
            candidate = candidate.substring(2);
        }
        return candidate.equals(etag) || candidate.equals(gzipEtag());
    }
}
