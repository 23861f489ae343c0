package org.llmreference.contracts.catalog;

import java.util.function.Function;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A model was retired: its pages go, routes can no longer be added. The snapshot has status {@code retired}. */
public record ModelRetired(
        @JsonProperty(required = true) ModelSnapshot model,
        @JsonProperty(required = true) List<String> changedFields) implements CatalogEvent {

    public ModelRetired {
        Objects.requireNonNull(model, "model");
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    @Override
    public <R> R match(Function<? super ModelChanged, ? extends R> changed, Function<? super ModelRetired, ? extends R> retired) {
        return retired.apply(this);
    }
}
