package org.llmreference.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Why an editor made a change: the optional request header {@value #HEADER}, percent-encoded UTF-8
 * ({@code X-Llmref-Reason: Provider%20cut%20prices%20%E2%80%93%20see%20blog}), at most
 * {@value #MAX_LENGTH} characters once decoded, one line of plain text ({@link PlainText}). The
 * header is checked before the request reaches a controller (a bad one is a 400 problem naming it),
 * and the decoded reason of the request being handled is {@link #current()}, which the audit trail
 * records with the change.
 */
public final class EditReason {

    public static final String HEADER = "X-Llmref-Reason";
    public static final int MAX_LENGTH = 500;

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private EditReason() {
    }

    /** The reason the request being handled on this thread gave, if it gave one. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Makes {@code reason} the current one until the returned scope closes (the header's filter, and tests). */
    public static Scope during(String reason) {
        String outer = CURRENT.get();
        if (reason == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(reason);
        }
        return () -> {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        };
    }

    /** Restores the reason of before {@link #during(String)} when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The header's value decoded: {@code null} when it is absent or blank.
     *
     * @throws ApiProblem 400 naming the header when it is not percent-encoded UTF-8, is longer than
     *         {@value #MAX_LENGTH} characters, or holds characters {@link PlainText} refuses
     */
    public static String decode(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String reason = percentDecoded(header.strip()).strip();
        if (reason.codePointCount(0, reason.length()) > MAX_LENGTH) {
            throw ApiProblem.invalid(HEADER, "too-long",
                    "must be at most " + MAX_LENGTH + " characters once decoded (it has "
                            + reason.codePointCount(0, reason.length()) + ")");
        }
        FieldViolation problem = PlainText.problem(HEADER, reason);
        if (problem != null) {
            throw ApiProblem.invalid(java.util.List.of(problem));
        }
        return PlainText.isBlank(reason) ? null : reason;
    }

    private static String percentDecoded(String value) {
        ByteBuffer bytes = ByteBuffer.allocate(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || hex(value.charAt(i + 1)) < 0 || hex(value.charAt(i + 2)) < 0) {
                    throw badEncoding("'%' must be followed by two hexadecimal digits (at " + i + ")");
                }
                bytes.put((byte) (hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2))));
                i += 2;
            } else if (c < 0x20 || c > 0x7e) {
                throw badEncoding("send the reason percent-encoded as UTF-8: only printable ASCII may appear as is");
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw badEncoding("the percent-encoded bytes are not valid UTF-8");
        }
    }

    private static ApiProblem badEncoding(String message) {
        return ApiProblem.invalid(HEADER, "percent-encoding", message);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
