package org.llmreference.catalog.models;

import java.util.List;
import java.util.Objects;

import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.contracts.catalog.ModelChanged;
import org.llmreference.contracts.catalog.ModelRetired;
import org.llmreference.contracts.catalog.ModelStatus;

/**
 * What a write does to a model.
 *
 * @param before        the model as stored, {@code null} when the write creates it
 * @param after         the model after the write ({@code before} itself when nothing changes)
 * @param changedFields the top-level fields that differ; empty for a no-op
 */
public record Change(LlmModel before, LlmModel after, List<String> changedFields) {

    public Change {
        Objects.requireNonNull(after, "after");
        changedFields = List.copyOf(changedFields);
    }

    public boolean creates() {
        return before == null;
    }

    /** The write changes nothing: the revision stays and no event is emitted. */
    public boolean isNoOp() {
        return before != null && changedFields.isEmpty();
    }

    /** The write takes the model into status {@code retired}. */
    public boolean retires() {
        return after.status() == ModelStatus.RETIRED && (before == null || before.status() != ModelStatus.RETIRED);
    }

    /**
     * The event announcing the write: {@code ModelRetired} when it retires the model, else
     * {@code ModelChanged} (a retired model set back to active or deprecated included).
     */
    public CatalogEvent event() {
        if (isNoOp()) {
            throw new IllegalStateException("a no-op write of " + after.id() + " announces nothing");
        }
        return retires() ? new ModelRetired(after.state(), changedFields) : new ModelChanged(after.state(), changedFields);
    }
}
