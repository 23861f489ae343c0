package org.llmreference.platform.web;

/**
 * The one rule for text that editors send, applied to every JSON string of every service (through
 * the strict JSON reader) and to every text field ({@link Violations#text}): what characters text
 * may hold, and when it counts as blank.
 *
 * <p>Refused anywhere in a string:
 * <ul>
 * <li>{@code unpaired-surrogate}: half of a UTF-16 surrogate pair ({@code "\ud800"} in JSON), which
 * no UTF-8 store or page can hold as sent;</li>
 * <li>{@code noncharacter}: the 66 Unicode noncharacters (U+FDD0..U+FDEF and U+xxFFFE, U+xxFFFF of
 * every plane), which XML (the feed, the sitemap) cannot carry;</li>
 * <li>{@code control-characters}: control characters (C0, C1, DEL: category Cc), format characters
 * (category Cf: bidirectional marks, embeddings, overrides and isolates such as U+061C, U+200E,
 * U+202E, U+2066; zero-width characters such as U+200B, U+2060, U+FEFF; tag characters
 * U+E0000..U+E007F) and the line and paragraph separators U+2028, U+2029 (text is one line).</li>
 * </ul>
 * Blank: nothing visible, i.e. only white space and the characters that render as nothing
 * ({@link #isBlank}).
 */
public final class PlainText {

    private PlainText() {
    }

    /** What is wrong with the characters of {@code value}: a rule and a message, or {@code null} when nothing is. */
    public static FieldViolation problem(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(i + 1));
                FieldViolation found = problem(field, codePoint, i);
                if (found != null) {
                    return found;
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                return new FieldViolation(field, "unpaired-surrogate",
                        "must not contain an unpaired surrogate (" + codePoint(c) + " at " + i + "): send valid UTF-8");
            } else {
                FieldViolation found = problem(field, c, i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Whether {@code value} holds a character the rule refuses (see {@link #problem}). */
    public static boolean hasControlCharacters(String value) {
        return problem("text", value) != null;
    }

    /**
     * Nothing visible: only white space (any Unicode space separator included) and characters that
     * render as nothing, such as U+200B, the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, the blank
     * Braille pattern U+2800, the combining grapheme joiner U+034F and the variation selectors.
     */
    public static boolean isBlank(String value) {
        return value.codePoints().allMatch(PlainText::isInvisible);
    }

    private static FieldViolation problem(String field, int codePoint, int index) {
        if (isNoncharacter(codePoint)) {
            return new FieldViolation(field, "noncharacter",
                    "must not contain a Unicode noncharacter (" + codePoint(codePoint) + " at " + index + ")");
        }
        int type = Character.getType(codePoint);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            return new FieldViolation(field, "control-characters", "must not contain control characters or invisible "
                    + "formatting characters (" + codePoint(codePoint) + " at " + index + ")");
        }
        return null;
    }

    static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static boolean isInvisible(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || codePoint == 0x115F || codePoint == 0x1160
                || codePoint == 0x3164 || codePoint == 0xFFA0 || codePoint == 0x2800 || codePoint == 0x034F
                || (codePoint >= 0x180B && codePoint <= 0x180F) || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
    }

    private static String codePoint(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
