package org.llmreference.contracts.catalog;

import java.util.function.Function;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A model was created or changed (deprecation included); {@code changedFields} names the top-level fields that differ. */
public record ModelChanged(
        @JsonProperty(required = true) ModelSnapshot model,
        @JsonProperty(required = true) List<String> changedFields) implements CatalogEvent {

    public ModelChanged {
        Objects.requireNonNull(model, "model");
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    @Override
    public <R> R match(Function<? super ModelChanged, ? extends R> changed, Function<? super ModelRetired, ? extends R> retired) {
        return changed.apply(this);
    }
}
