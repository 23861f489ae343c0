package org.llmreference.pricing.models;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.platform.projection.Projections;
import org.llmreference.platform.projection.Projections.Outcome;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** pricing-service's projection of the catalog: the model ids it may price. */
@Component
public class KnownModels {

    static final String COLLECTION = "knownModels";

    private final MongoCollection<KnownModel> collection;

    KnownModels(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION, KnownModel.class);
    }

    /** Records the model as of {@code revision}, unless a newer revision is already known. */
    public Outcome learn(ModelSnapshot model, long revision) {
        return Projections.replaceIfNewer(collection, model.id(), revision,
                new KnownModel(model.id(), revision, model.name(), model.status()));
    }

    public Optional<KnownModel> find(String modelId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", modelId)).first());
    }

    /** The known ones among these models, by id, in one query. */
    public Map<String, KnownModel> findAll(Collection<String> modelIds) {
        Map<String, KnownModel> found = new HashMap<>();
        for (KnownModel model : collection.find(Filters.in("_id", modelIds))) {
            found.put(model.id(), model);
        }
        return found;
    }
}
