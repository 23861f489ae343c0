package org.llmreference.pricing.models;

import org.bson.codecs.pojo.annotations.BsonId;
import org.llmreference.contracts.catalog.ModelStatus;

/** What pricing-service needs to know of a catalog model: that it exists, and whether it is retired. */
public record KnownModel(@BsonId String id, long revision, String name, ModelStatus status) {

    public boolean acceptsRoutes() {
        return status != ModelStatus.RETIRED;
    }
}
