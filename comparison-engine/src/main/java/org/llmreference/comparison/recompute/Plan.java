package org.llmreference.comparison.recompute;

import java.util.List;

/**
 * What one source change means for the published comparisons: the publications to store (each at
 * its pair's next revision), and how many pairs were recomputed to find them.
 */
public record Plan(List<Publication> publications, int recomputed) {

    public static final Plan NOTHING = new Plan(List.of(), 0);

    public Plan {
        publications = List.copyOf(publications);
    }

    public boolean isEmpty() {
        return publications.isEmpty();
    }
}
