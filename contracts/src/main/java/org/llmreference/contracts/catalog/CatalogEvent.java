package org.llmreference.contracts.catalog;

import java.util.function.Function;

import org.llmreference.contracts.EventPayload;

/** Events on {@code catalog.models.v1}, keyed by model id. */
public sealed interface CatalogEvent extends EventPayload permits ModelChanged, ModelRetired {

    /** The model's full state after the change. */
    ModelSnapshot model();

    /**
     * Exhaustive handling on Java 17 (no pattern switch there): a new event type breaks every
     * handler at compile time.
     */
    <R> R match(Function<? super ModelChanged, ? extends R> changed, Function<? super ModelRetired, ? extends R> retired);
}
