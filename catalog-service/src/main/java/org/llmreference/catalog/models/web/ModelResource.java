package org.llmreference.catalog.models.web;

import java.util.List;

import org.llmreference.catalog.models.LlmModel;
import org.llmreference.catalog.models.ModelPage;
import org.llmreference.contracts.catalog.ModelSnapshot;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.media.Schema;

/** The Model JSON the API answers with: the model's state (absent values left out) plus its {@code revision}. */
@Schema(name = "Model")
record ModelResource(@JsonUnwrapped ModelSnapshot model,
        @Schema(description = "increments on every accepted change; also the ETag") long revision) {

    static ModelResource of(LlmModel model) {
        return new ModelResource(model.state(), model.revision());
    }

    /** One page of a listing, sorted by id. */
    @Schema(name = "ModelPage")
    record Page(List<ModelResource> items, int page, int size, long total) {

        static Page of(ModelPage page) {
            return new Page(page.items().stream().map(ModelResource::of).toList(), page.page(), page.size(), page.total());
        }
    }
}
