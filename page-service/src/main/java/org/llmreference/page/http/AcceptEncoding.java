package org.llmreference.page.http;

import java.util.Locale;

/** Reads {@code Accept-Encoding}: whether the client takes a gzip body. */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /**
     * {@code gzip} (or {@code x-gzip}) listed with a weight above zero, or {@code *} with a weight
     * above zero and gzip not refused by name. No header means identity only.
     */
    static boolean allowsGzip(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        Boolean named = null;
        boolean wildcard = false;
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            boolean accepted = weight(pieces) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                named = named == null ? accepted : named || accepted;
            } else if (coding.equals("*")) {
                wildcard = accepted;
            }
        }
        return named != null ? named : wildcard;
    }

    private static double weight(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].strip();
            if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
