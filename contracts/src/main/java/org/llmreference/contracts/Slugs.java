package org.llmreference.contracts;

import java.util.regex.Pattern;

/**
 * The ids of models and providers: lowercase URL-safe slugs such as {@code qwen3.5-4b}. They start
 * and end with a letter or digit, use only {@code a-z 0-9 . -}, are at most {@value #MAX_LENGTH}
 * characters long, and never contain {@value #PAIR_SEPARATOR}, which joins two model ids into a
 * pair id ({@code gpt-oss-20b-vs-qwen3.5-4b}). They neither start with {@code vs-} nor end with
 * {@code -vs}, so a pair id splits back into its two ids in exactly one way.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 100;
    public static final String PAIR_SEPARATOR = "-vs-";
    public static final Pattern PATTERN = Pattern.compile("[a-z0-9](?:[a-z0-9.-]{0,98}[a-z0-9])?");

    private Slugs() {
    }

    public static boolean isValid(String id) {
        return problem(id) == null;
    }

    /** Why {@code id} is not a slug, in words an editor can act on; {@code null} when it is one. */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "must not be empty";
        }
        if (id.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters long";
        }
        if (!PATTERN.matcher(id).matches()) {
            return "must be a slug: lowercase letters, digits, '.' and '-', starting and ending with a letter or digit";
        }
        if (id.contains(PAIR_SEPARATOR)) {
            return "must not contain '" + PAIR_SEPARATOR + "', which separates the two ids of a pair";
        }
        if (id.contains("..")) {
            return "must not contain '..'";
        }
        if (id.startsWith("vs-") || id.endsWith("-vs")) {
            return "must not start with 'vs-' or end with '-vs', which would make a pair id ambiguous";
        }
        return null;
    }
}
