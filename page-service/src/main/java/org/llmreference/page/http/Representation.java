package org.llmreference.page.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import org.springframework.http.MediaType;

/**
 * One resource as served: its bytes gzipped (and, when at hand, as they are), a strong entity tag
 * and when it last changed. Without the plain bytes, they are inflated from the gzip on demand
 * (few clients refuse gzip). Immutable, and built once per page revision: the header values it
 * answers (both entity tags, {@code Last-Modified}, the lengths) are worked out here, not per request.
 */
public final class Representation {

    public static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    public static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");
    public static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    public static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");
    public static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

    static final String GZIP_SUFFIX = "-gzip";

    /** An HTTP date, written as Spring's {@code HttpHeaders} writes it. */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
            .withZone(ZoneId.of("GMT"));

    private final MediaType contentType;
    private final String contentTypeValue;
    private final boolean html;
    private final byte[] gzip;
    private final byte[] plain;
    private final int plainLength;
    private final String etag;
    private final String gzipEtag;
    private final Instant lastModified;
    private final String lastModifiedValue;

    /**
     * @param etag a strong entity tag with its quotes, e.g. {@code "3-9f86d081884c7d65"}, of the plain
     *             bytes; the gzip bytes go out as {@link #gzipEtag()}
     */
    public Representation(MediaType contentType, byte[] gzip, byte[] plain, String etag, Instant lastModified) {
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.gzip = Objects.requireNonNull(gzip, "gzip");
        this.etag = Objects.requireNonNull(etag, "etag");
        this.plain = plain;
        this.lastModified = lastModified;
        this.contentTypeValue = contentType.toString();
        this.html = contentType.isCompatibleWith(HTML);
        this.plainLength = plain != null ? plain.length : Gzip.uncompressedLength(gzip);
        this.gzipEtag = etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"";
        this.lastModifiedValue = lastModified == null ? null
                : HTTP_DATE.format(lastModified);
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

    public MediaType contentType() {
        return contentType;
    }

    public byte[] gzip() {
        return gzip;
    }

    /** The plain bytes if they are kept (else null: they are inflated from the gzip when asked for). */
    public byte[] plain() {
        return plain;
    }

    public String etag() {
        return etag;
    }

    public Instant lastModified() {
        return lastModified;
    }

    /** The plain bytes, inflated from the gzip when they were not kept. */
    public byte[] plainBytes() {
        return plain != null ? plain : Gzip.decompress(gzip);
    }

    /** The entity tag of the gzip bytes: another representation, so another strong tag. */
    public String gzipEtag() {
        return gzipEtag;
    }

    String contentTypeValue() {
        return contentTypeValue;
    }

    boolean isHtml() {
        return html;
    }

    int plainLength() {
        return plainLength;
    }

    /** {@code Last-Modified} as an HTTP date, or null. */
    String lastModifiedValue() {
        return lastModifiedValue;
    }

    /** Writes the plain bytes, inflating them straight into {@code out} when they are not kept. */
    void writePlainTo(OutputStream out) throws IOException {
        if (plain != null) {
            out.write(plain);
        } else {
            Gzip.inflateTo(gzip, out);
        }
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
        return candidate.equals(etag) || candidate.equals(gzipEtag);
    }

    /** Rough size in memory. */
    public long weight() {
        return 256L + gzip.length + (plain == null ? 0 : plain.length);
    }
}
