package org.llmreference.platform.web;

import java.util.OptionalLong;

/**
 * Our ETags are the resource's revision in quotes ({@code "7"}). {@code If-Match} carries the
 * revision a client last read; a write against another revision answers 412.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /**
     * The revision an {@code If-Match} header names; empty when there is no header or it is
     * {@code *}. A header that is not one of our ETags, an empty one included, is refused with 400.
     */
    public static OptionalLong revision(String header) {
        if (header == null || header.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 3 && value.startsWith("\"") && value.endsWith("\"")) {
            try {
                long revision = Long.parseLong(value.substring(1, value.length() - 1));
                if (revision >= 0) {
                    return OptionalLong.of(revision);
                }
            } catch (NumberFormatException e) {
                // falls through to the refusal below
            }
        }
        throw ApiProblem.invalid("If-Match", "etag", "must be an ETag this API issued, such as \"3\", or *");
    }

    /** Refuses with 412 when the header names a revision other than {@code current}. */
    public static void require(String header, long current) {
        OptionalLong expected = revision(header);
        if (expected.isPresent() && expected.getAsLong() != current) {
            throw ApiProblem.staleRevision(expected.getAsLong(), current);
        }
    }
}
