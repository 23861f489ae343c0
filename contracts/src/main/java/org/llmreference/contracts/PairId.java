package org.llmreference.contracts;

import java.util.Objects;

/**
 * Two model ids in canonical order, {@code a} sorting before {@code b}: the key of a comparison
 * event, of the comparison and of its page, written {@code a-vs-b} ({@link Slugs#PAIR_SEPARATOR}).
 * Model slugs never contain the separator, so the text form parses back unambiguously.
 */
public record PairId(String a, String b) implements Comparable<PairId> {

    public PairId {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.compareTo(b) >= 0) {
            throw new IllegalArgumentException("a pair is two different model ids in lexical order, got " + a + " and " + b);
        }
    }

    /** The pair of two different models, whatever order they come in. */
    public static PairId of(String x, String y) {
        return x.compareTo(y) < 0 ? new PairId(x, y) : new PairId(y, x);
    }

    /**
     * Reads {@code a-vs-b} in either order.
     *
     * @throws IllegalArgumentException with a message fit for an API client when the text is not two different model slugs
     */
    public static PairId parse(String text) {
        int at = text == null ? -1 : text.indexOf(Slugs.PAIR_SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("a pair is written <model>" + Slugs.PAIR_SEPARATOR + "<model>, got '" + text + "'");
        }
        String x = text.substring(0, at);
        String y = text.substring(at + Slugs.PAIR_SEPARATOR.length());
        for (String id : new String[] {x, y}) {
            String problem = Slugs.problem(id);
            if (problem != null) {
                throw new IllegalArgumentException("'" + id + "' in pair '" + text + "' is not a model id: " + problem);
            }
        }
        if (x.equals(y)) {
            throw new IllegalArgumentException("a pair compares two different models, got " + x + " twice");
        }
        return of(x, y);
    }

    /** Whether {@code text} names this pair in canonical order (the other order redirects). */
    public boolean isWrittenAs(String text) {
        return toString().equals(text);
    }

    public boolean contains(String modelId) {
        return a.equals(modelId) || b.equals(modelId);
    }

    /** The model of this pair that is not {@code modelId}. */
    public String other(String modelId) {
        if (a.equals(modelId)) {
            return b;
        }
        if (b.equals(modelId)) {
            return a;
        }
        throw new IllegalArgumentException(modelId + " is not in " + this);
    }

    @Override
    public int compareTo(PairId other) {
        int first = a.compareTo(other.a);
        return first != 0 ? first : b.compareTo(other.b);
    }

    @Override
    public String toString() {
        return a + Slugs.PAIR_SEPARATOR + b;
    }
}
