package org.llmreference.pricing.providers.web;

import java.util.List;

import org.llmreference.platform.web.ApiProblem;
import org.llmreference.platform.web.FieldViolation;
import org.llmreference.platform.web.IfMatch;
import org.llmreference.pricing.providers.Provider;
import org.llmreference.pricing.providers.ProviderEditor;
import org.llmreference.pricing.providers.Providers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/providers")
@Tag(name = "Providers", description = "The companies that serve models; a route needs a known provider.")
class ProvidersController {

    private final Providers providers;
    private final ProviderEditor editor;

    ProvidersController(Providers providers, ProviderEditor editor) {
        this.providers = providers;
        this.editor = editor;
    }

    /** The body of {@code PUT /api/providers/{id}}. */
    record ProviderInput(String name, String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProviderView(String id, String name, String url, long revision) {

        static ProviderView of(Provider provider) {
            return new ProviderView(provider.id(), provider.name(), provider.url(), provider.revision());
        }
    }

    @GetMapping
    @Operation(summary = "List every provider, in id order")
    List<ProviderView> all() {
        return providers.all().stream().map(ProviderView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one provider (ETag = its revision)")
    ResponseEntity<ProviderView> one(@PathVariable String id) {
        Provider provider = providers.find(id).orElseThrow(() -> ApiProblem.notFound("provider", id));
        return ResponseEntity.ok().eTag(IfMatch.etag(provider.revision())).body(ProviderView.of(provider));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create (201) or change (200) a provider; the same values again change nothing (200). "
            + "A new name reaches every route of the provider as a RouteChanged event.")
    ResponseEntity<ProviderView> put(@PathVariable String id, @RequestBody ProviderInput input,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        List<FieldViolation> violations = ProviderEditor.violations(id, input.name(), input.url());
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        ProviderEditor.Accepted accepted = editor.put(id, input.name(), input.url(), IfMatch.revision(ifMatch));
        Providers.Put put = accepted.put();
        if (put.outcome() == Providers.Outcome.STALE) {
            long current = put.provider() == null ? 0 : put.provider().revision();
            if (IfMatch.revision(ifMatch).isPresent()) {
                throw ApiProblem.staleRevision(IfMatch.revision(ifMatch).getAsLong(), current);
            }
            throw new ApiProblem(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                    "Provider '" + id + "' kept changing while this request was applied; send it again.");
        }
        ResponseEntity.BodyBuilder response = ResponseEntity
                .status(put.outcome() == Providers.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(IfMatch.etag(put.provider().revision()));
        if (put.outcome() == Providers.Outcome.CREATED) {
            response.location(java.net.URI.create("/api/providers/" + id));
        }
        return response.body(ProviderView.of(put.provider()));
    }
}
