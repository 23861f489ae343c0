package org.llmreference.pricing.routes;

import java.util.Optional;

import org.llmreference.platform.web.FieldViolation;
import org.llmreference.pricing.models.KnownModel;
import org.llmreference.pricing.models.KnownModels;
import org.llmreference.pricing.providers.Provider;
import org.llmreference.pricing.providers.Providers;
import org.springframework.stereotype.Component;

/**
 * Whether routes of a model may be taken, for an editor's put and a bulk import alike: the model
 * must be known to the catalog and not retired, and the provider must be known.
 */
@Component
public class RouteAdmission {

    private final KnownModels knownModels;
    private final Providers providers;

    RouteAdmission(KnownModels knownModels, Providers providers) {
        this.knownModels = knownModels;
        this.providers = providers;
    }

    /**
     * The provider's display name, once the model may be priced and the provider is known.
     *
     * @throws RouteRefusal.NotAdmitted saying what to do, when not
     */
    public String admit(String modelId, String providerId) {
        Optional<FieldViolation> problem = problem(knownModels.find(modelId), modelId);
        if (problem.isPresent()) {
            throw new RouteRefusal.NotAdmitted(problem.get());
        }
        return providers.find(providerId).map(Provider::name).orElseThrow(() -> new RouteRefusal.NotAdmitted(
                new FieldViolation("providerId", "unknown-provider", "No provider '" + providerId
                        + "' is known; create it first with PUT /api/providers/" + providerId + ".")));
    }

    /** Why routes of this model cannot be accepted, if they cannot. */
    public static Optional<FieldViolation> problem(Optional<KnownModel> model, String modelId) {
        if (model.isEmpty()) {
            return Optional.of(new FieldViolation("modelId", "unknown-model", "The catalog has not published a model '"
                    + modelId + "'; routes can be added once the catalog publishes the model."));
        }
        if (!model.get().acceptsRoutes()) {
            return Optional.of(new FieldViolation("modelId", "retired-model",
                    "Model '" + modelId + "' is retired; it takes no new routes."));
        }
        return Optional.empty();
    }
}
