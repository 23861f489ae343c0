package org.llmreference.comparison.previews;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.RouteSnapshot;

/** A change an editor proposes, to be previewed: exactly one model, route or withdrawn route. */
public sealed interface Proposal {

    /** The model the proposal is about. */
    String modelId();

    /** The model's facts after the edit. */
    record Model(ModelSnapshot model) implements Proposal {

        @Override
        public String modelId() {
            return model.id();
        }
    }

    /** One provider's route of a model after the edit: it replaces that provider's route, or is added. */
    record Route(String modelId, RouteSnapshot route) implements Proposal {
    }

    /** A provider's route of a model is withdrawn. */
    record WithdrawRoute(String modelId, String providerId) implements Proposal {
    }
}
