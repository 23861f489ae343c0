package org.llmreference.contracts.comparison;

import java.util.function.Function;

import org.llmreference.contracts.EventPayload;

/** Events on {@code comparison.pages.v1}, keyed by pair id in canonical order ({@code a-vs-b}, a &lt; b). */
public sealed interface ComparisonEvent extends EventPayload permits ComparisonChanged, ComparisonWithdrawn {

    String pairId();

    /** Exhaustive handling on Java 17: a new event type breaks every handler at compile time. */
    <R> R match(Function<? super ComparisonChanged, ? extends R> changed,
            Function<? super ComparisonWithdrawn, ? extends R> withdrawn);
}
