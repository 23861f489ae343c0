package org.llmreference.comparison.comparisons.web;

import org.llmreference.contracts.PairId;
import org.llmreference.platform.web.ApiProblem;

/** Reads a pair id from a path, answering 400 with the reason when it is not one. */
public final class PairIds {

    private PairIds() {
    }

    public static PairId parse(String text) {
        try {
            return PairId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("pairId", "pair-id", e.getMessage());
        }
    }
}
