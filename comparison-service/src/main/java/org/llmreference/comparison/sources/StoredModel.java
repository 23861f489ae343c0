package org.llmreference.comparison.sources;

import org.bson.codecs.pojo.annotations.BsonId;
import org.llmreference.contracts.catalog.ModelSnapshot;

/** The latest snapshot of a catalog model, as of {@code revision}. */
public record StoredModel(@BsonId String id, long revision, ModelSnapshot model) {
}
