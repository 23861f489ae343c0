package org.llmreference.page.publicapi.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.llmreference.contracts.PairId;
import org.llmreference.contracts.Slugs;

import org.llmreference.page.http.CachePolicy;
import org.llmreference.page.http.Representation;
import org.llmreference.page.http.Responses;
import org.llmreference.page.facts.FactsView;
import org.llmreference.page.listing.DirectoryQuery;
import org.llmreference.page.ondemand.OnDemandPairs;
import org.llmreference.page.rendering.PageRenderer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public JSON: {@code /models.json}, {@code /models/{id}.json}, {@code /compare/{a}-vs-{b}.json}
 * and their schemas, readable from any origin (no credentials), with strong entity tags.
 */
@RestController
// Spring MVC answers the CORS preflight from this: any origin, GET and HEAD, no credentials
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD}, allowCredentials = "false", maxAge = 86400)
class PublicApiController {

    static final String ANY_ORIGIN = "*";
    private static final MediaType PROBLEM = MediaType.parseMediaType("application/problem+json");

    private final DirectoryJson directory;
    private final ModelJson model;
    private final FactsView facts;
    private final ComparisonJson comparison;
    private final OnDemandPairs pairs;
    private final Representation modelsSchema = Representation.of(DirectoryJson.JSON, read("models.schema.json"), null,
            Instant.now());
    private final Representation modelSchema = Representation.of(DirectoryJson.JSON, read("model.schema.json"), null,
            Instant.now());
    private final Representation compareSchema = Representation.of(DirectoryJson.JSON, read("compare.schema.json"), null,
            Instant.now());

    PublicApiController(DirectoryJson directory, ModelJson model, FactsView facts, ComparisonJson comparison,
            OnDemandPairs pairs) {
        this.directory = directory;
        this.model = model;
        this.facts = facts;
        this.comparison = comparison;
        this.pairs = pairs;
    }

    /**
     * Two live models compared as JSON, any pair (computed by the engine from the current facts, as an
     * on-demand page is): the other order or an alias moves to the canonical document.
     */
    @GetMapping("/compare/{pairId}.json")
    ResponseEntity<byte[]> comparison(@PathVariable String pairId, @RequestHeader HttpHeaders request) {
        PairId pair;
        try {
            pair = PairId.parse(pairId);
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "The pair is not valid: " + e.getMessage());
        }
        if (!pair.isWrittenAs(pairId)) {
            return cors(Responses.movedPermanently("/compare/" + pair + ".json", CachePolicy.REDIRECT));
        }
        OnDemandPairs.Outcome outcome = pairs.find(pair);
        if (outcome instanceof OnDemandPairs.MovedTo moved) {
            return cors(Responses.movedPermanently("/compare/" + moved.pair() + ".json", CachePolicy.REDIRECT));
        }
        if (outcome instanceof OnDemandPairs.NotReady) {
            ResponseEntity<byte[]> busy = problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "The catalog is still being read; ask again in a few seconds.");
            return ResponseEntity.status(busy.getStatusCode()).headers(busy.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "5").body(busy.getBody());
        }
        if (outcome instanceof OnDemandPairs.Computed computed) {
            return cors(Responses.send(request, HttpStatus.OK, comparison.document(computed.comparison()),
                    CachePolicy.PAGE));
        }
        return problem(HttpStatus.NOT_FOUND, "There is no comparison of '" + pair.a() + "' and '" + pair.b()
                + "': a side is not a live model.");
    }

    @GetMapping("/public-api/compare.schema.json")
    ResponseEntity<byte[]> compareSchema(@RequestHeader HttpHeaders request) {
        return cors(Responses.send(request, HttpStatus.OK, compareSchema, CachePolicy.STYLESHEET));
    }

    /** One model as JSON: another id of the model moves to the canonical document, as the HTML page does. */
    @GetMapping("/models/{id}.json")
    ResponseEntity<byte[]> model(@PathVariable String id, @RequestHeader HttpHeaders request) {
        if (!Slugs.isValid(id)) {
            return problem(HttpStatus.BAD_REQUEST, "The model id is not valid: " + Slugs.problem(id));
        }
        Optional<String> canonical = facts.canonicalId(id).filter(other -> !other.equals(id));
        if (canonical.isPresent()) {
            return cors(Responses.movedPermanently(PageRenderer.modelPath(canonical.get()) + ".json",
                    CachePolicy.REDIRECT));
        }
        return model.model(id).map(document -> cors(Responses.send(request, HttpStatus.OK, document, CachePolicy.PAGE)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No model has the id '" + id + "'."));
    }

    @GetMapping("/public-api/model.schema.json")
    ResponseEntity<byte[]> modelSchema(@RequestHeader HttpHeaders request) {
        return cors(Responses.send(request, HttpStatus.OK, modelSchema, CachePolicy.STYLESHEET));
    }

    @GetMapping("/models.json")
    ResponseEntity<byte[]> models(@RequestParam Map<String, String> parameters, @RequestHeader HttpHeaders request) {
        DirectoryQuery.Reading reading = DirectoryQuery.read(parameters);
        if (!reading.valid()) {
            return badRequest(reading.errors());
        }
        Representation document = directory.page(reading.query());
        if (document == null) {
            return badRequest(Map.of("page", "page " + reading.query().page() + " is past the last page."));
        }
        return cors(Responses.send(request, HttpStatus.OK, document, CachePolicy.PAGE));
    }

    @GetMapping("/public-api/models.schema.json")
    ResponseEntity<byte[]> modelsSchema(@RequestHeader HttpHeaders request) {
        return cors(Responses.send(request, HttpStatus.OK, modelsSchema, CachePolicy.STYLESHEET));
    }

    private static ResponseEntity<byte[]> badRequest(Map<String, String> errors) {
        String detail = String.join(" ", errors.values());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(PROBLEM)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ANY_ORIGIN)
                .header(HttpHeaders.CACHE_CONTROL, CachePolicy.NOT_FOUND).body(DirectoryJson.problem(detail, errors));
    }

    private static ResponseEntity<byte[]> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(PROBLEM)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ANY_ORIGIN)
                .header(HttpHeaders.CACHE_CONTROL, CachePolicy.NOT_FOUND)
                .body(ModelJson.problem(status.value(), status.getReasonPhrase(), detail));
    }

    private static ResponseEntity<byte[]> cors(ResponseEntity<byte[]> answer) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(answer.getHeaders());
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ANY_ORIGIN);
        headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag");
        return ResponseEntity.status(answer.getStatusCode()).headers(headers).body(answer.getBody());
    }

    private static String read(String name) {
        try (InputStream in = PublicApiController.class.getResourceAsStream("/public-api/" + name)) {
            if (in == null) {
                throw new IllegalStateException("public-api/" + name + " is missing from the page-service jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
