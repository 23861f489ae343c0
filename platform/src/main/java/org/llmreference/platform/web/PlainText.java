package org.llmreference.platform.web;

/** What counts as a control character in text that editors send. */
public final class PlainText {

    private PlainText() {
    }

    /**
     * C0 and C1 control characters, DEL, and the Unicode bidirectional overrides and isolates (which
     * can make text display differently from what it is).
     */
    public static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f') {
                return true;
            }
        }
        return false;
    }
}
