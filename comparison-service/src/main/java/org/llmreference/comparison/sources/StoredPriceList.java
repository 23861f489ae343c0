package org.llmreference.comparison.sources;

import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;
import org.llmreference.contracts.pricing.RouteSnapshot;

/** All current routes of a model, as of the price list's {@code revision}. */
public record StoredPriceList(@BsonId String modelId, long revision, List<RouteSnapshot> routes) {
}
