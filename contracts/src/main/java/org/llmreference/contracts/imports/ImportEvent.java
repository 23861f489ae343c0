package org.llmreference.contracts.imports;

import java.util.function.Function;

import org.llmreference.contracts.EventPayload;

/** Events on {@code catalog.imports.v1}, keyed by import run id: how far a bulk load of the catalog got. */
public sealed interface ImportEvent extends EventPayload permits ImportProgressed {

    /**
     * Exhaustive handling on Java 17 (no pattern switch there): a new event type breaks every
     * handler at compile time.
     */
    <R> R match(Function<? super ImportProgressed, ? extends R> progressed);
}
