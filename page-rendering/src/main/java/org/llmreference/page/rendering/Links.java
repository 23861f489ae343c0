package org.llmreference.page.rendering;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Every link a page makes. Our own paths are built from ids encoded as one path segment each; a
 * link to elsewhere is made only of an absolute {@code http} or {@code https} URL, anything else
 * (another scheme, a relative or malformed reference) stays plain text.
 */
final class Links {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Links() {
    }

    /** {@code /compare/{pairId}}. */
    static String compare(String pairId) {
        return "/compare/" + segment(pairId);
    }

    /** {@code /models/{modelId}}. */
    static String model(String modelId) {
        return "/models/" + segment(modelId);
    }

    /** {@code /models/{modelId}/feed.xml}: the model's own Atom feed. */
    static String modelFeed(String modelId) {
        return model(modelId) + "/feed.xml";
    }

    /** models.dev's repository on GitHub, where imported routes were read: a file is {@code UPSTREAM_BLOB + commit + "/" + path}. */
    static final String UPSTREAM_BLOB = "https://github.com/anomalyco/models.dev/blob/";

    /**
     * The upstream file {@code path} at {@code commit} (a hex commit id) on models.dev's repository,
     * with the characters a URL cannot hold escaped; null when the path cannot be a URL path.
     */
    static String upstreamFile(String commit, String path) {
        try {
            return new URI("https", "github.com", URI.create(UPSTREAM_BLOB).getPath() + commit + "/"
                    + path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The URL itself when it is an absolute {@code http}/{@code https} URL with a host, otherwise null
     * (the caller then shows it as text). Whitespace around it is not forgiven.
     */
    static String external(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.isOpaque()) {
            return null;
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (!lower.equals("http") && !lower.equals("https")) {
            return null;
        }
        String authority = uri.getRawAuthority();
        return authority == null || authority.isEmpty() ? null : url;
    }

    /**
     * One path segment, percent-encoded: only the unreserved characters of RFC 3986 stay as they are
     * (so {@code /}, {@code ?}, {@code #}, {@code %}, quotes and spaces can never change the path).
     */
    static String segment(String value) {
        if (value.equals(".") || value.equals("..")) {
            return value.replace(".", "%2E");
        }
        StringBuilder out = null;
        byte[] bytes = null;
        for (int i = 0; i < value.length(); i++) {
            if (!unreserved(value.charAt(i))) {
                bytes = value.getBytes(StandardCharsets.UTF_8);
                out = new StringBuilder(bytes.length * 3);
                break;
            }
        }
        if (bytes == null) {
            return value;
        }
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c < 0x80 && unreserved((char) c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
