package org.llmreference.comparison.sources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.llmreference.comparison.comparisons.Sources;
import org.llmreference.contracts.Envelope;
import org.llmreference.contracts.catalog.CatalogEvent;
import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.PricingEvent;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.platform.projection.RevisionGuard;
import org.llmreference.platform.projection.RevisionGuard.Outcome;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * comparison-service's own copies of what it compares: each model's latest snapshot and each
 * model's price list. Older or repeated events are skipped by revision.
 */
@Component
public class SourceProjections implements Sources {

    private final MongoCollection<StoredModel> models;
    private final MongoCollection<StoredPriceList> priceLists;

    SourceProjections(MongoDatabase database) {
        this.models = database.getCollection("models", StoredModel.class);
        CodecRegistry flatRoutes = CodecRegistries.fromRegistries(
                CodecRegistries.fromCodecs(new RouteSnapshotCodec(database.getCodecRegistry())),
                database.getCodecRegistry());
        this.priceLists = database.getCollection("priceLists", StoredPriceList.class).withCodecRegistry(flatRoutes);
    }

    public Outcome apply(Envelope<CatalogEvent> event) {
        return RevisionGuard.replaceIfNewer(models, event.aggregateId(), event.revision(),
                new StoredModel(event.aggregateId(), event.revision(), event.payload().model()));
    }

    public Outcome applyPrices(Envelope<PricingEvent> event) {
        return RevisionGuard.replaceIfNewer(priceLists, event.aggregateId(), event.revision(),
                new StoredPriceList(event.aggregateId(), event.revision(), event.payload().routes()));
    }

    /** Every model snapshot stored, retired ones included. */
    @Override
    public List<ModelSnapshot> allModels() {
        List<ModelSnapshot> all = new ArrayList<>();
        models.find().forEach(stored -> all.add(stored.model()));
        return all;
    }

    /** Every price list stored, by model id. */
    @Override
    public Map<String, List<RouteSnapshot>> allPriceLists() {
        Map<String, List<RouteSnapshot>> all = new HashMap<>();
        priceLists.find().forEach(stored -> all.put(stored.modelId(), stored.routes()));
        return all;
    }

    public Optional<StoredModel> model(String id) {
        return Optional.ofNullable(models.find(Filters.eq("_id", id)).first());
    }

    public Optional<StoredPriceList> priceList(String modelId) {
        return Optional.ofNullable(priceLists.find(Filters.eq("_id", modelId)).first());
    }
}
