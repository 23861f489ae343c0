package org.llmreference.page.publicapi.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.llmreference.contracts.catalog.ModelSnapshot;
import org.llmreference.contracts.pricing.PriceStep;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.contracts.pricing.RouteTerms;
import org.llmreference.page.facts.FactsView;
import org.llmreference.page.http.LeastRecentlyUsed;
import org.llmreference.page.http.Representation;
import org.llmreference.page.rendering.PageRenderer;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /models/{id}.json}: one model's facts and every route with its upstream source, verified
 * date, status and dated price history, schema version 1 (see {@code docs/public-api.md} and
 * {@code public-api/model.schema.json}). Prices are exact decimals written as strings. Documents are
 * kept per facts version, so an answer is never older than what page-service has.
 */
@Component
public class ModelJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final FactsView facts;
    private final LeastRecentlyUsed<String, Representation> documents = new LeastRecentlyUsed<>(500, 16L * 1024 * 1024,
            Representation::weight);

    public ModelJson(FactsView facts) {
        this.facts = facts;
    }

    /** The document of the model {@code id} (a canonical id), or empty when no such model is known. */
    public Optional<Representation> model(String id) {
        String key = facts.version() + "/" + id;
        Representation cached = documents.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Representation> built = facts.model(id).map(model -> Representation.of(DirectoryJson.JSON,
                MAPPER.writeValueAsString(document(model, facts.routes(id))), "m1", null));
        built.ifPresent(document -> documents.put(key, document));
        return built;
    }

    static ObjectNode document(ModelSnapshot model, List<RouteSnapshot> routes) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", DirectoryJson.SCHEMA_VERSION);
        root.put("url", PageRenderer.modelPath(model.id()));
        ObjectNode facts = MAPPER.valueToTree(model);
        facts.put("status", model.status().name().toLowerCase(Locale.ROOT));
        root.set("model", facts);
        ArrayNode array = root.putArray("routes");
        for (RouteSnapshot route : routes) {
            array.add(route(route));
        }
        return root;
    }

    static ObjectNode route(RouteSnapshot route) {
        RouteTerms terms = route.terms();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("providerId", route.providerId());
        node.put("providerName", route.providerName());
        node.put("status", terms.status().name().toLowerCase(Locale.ROOT));
        node.put("region", terms.region());
        node.put("contextWindow", terms.contextWindow());
        node.put("inputPerMTok", decimal(terms.inputPricePerMTok()));
        node.put("outputPerMTok", decimal(terms.outputPricePerMTok()));
        node.put("cachedInputPerMTok", decimal(terms.cachedInputPricePerMTok()));
        node.put("cacheWritePerMTok", decimal(terms.cacheWritePricePerMTok()));
        node.put("batchInputPerMTok", decimal(terms.batchInputPricePerMTok()));
        node.put("batchOutputPerMTok", decimal(terms.batchOutputPricePerMTok()));
        node.put("sourceUrl", terms.sourceUrl());
        node.put("verifiedAt", terms.verifiedAt() == null ? null : terms.verifiedAt().toString());
        node.put("effectiveFrom", route.effectiveFrom() == null ? null : route.effectiveFrom().toString());
        if (route.upstream() == null) {
            node.putNull("upstream");
        } else {
            ObjectNode upstream = node.putObject("upstream");
            upstream.put("providerModelId", route.upstream().providerModelId());
            upstream.put("path", route.upstream().path());
            upstream.put("commit", route.upstream().commit());
            upstream.put("committedAt",
                    route.upstream().committedAt() == null ? null : route.upstream().committedAt().toString());
        }
        ArrayNode history = node.putArray("history");
        for (PriceStep step : route.history()) {
            ObjectNode dated = history.addObject();
            dated.put("effectiveFrom", step.effectiveFrom().toString());
            dated.put("inputPerMTok", decimal(step.inputPricePerMTok()));
            dated.put("outputPerMTok", decimal(step.outputPricePerMTok()));
            dated.put("cachedInputPerMTok", decimal(step.cachedInputPricePerMTok()));
            dated.put("origin", step.origin());
        }
        return node;
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** An RFC 9457 problem document with {@code status} and {@code detail}. */
    static byte[] problem(int status, String title, String detail) {
        ObjectNode problem = MAPPER.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return MAPPER.writeValueAsBytes(problem);
    }
}
