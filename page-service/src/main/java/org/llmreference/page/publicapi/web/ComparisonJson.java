package org.llmreference.page.publicapi.web;

import java.util.List;

import org.llmreference.contracts.EventCodec;
import org.llmreference.contracts.PairId;
import org.llmreference.contracts.pricing.RouteSnapshot;
import org.llmreference.page.http.LeastRecentlyUsed;
import org.llmreference.page.http.Representation;
import org.llmreference.page.ondemand.OnDemandComparison;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /compare/{a}-vs-{b}.json}: the comparison of two live models as the engine computes it from
 * page-service's facts (verdict, scorecard, sections, costs at the default workload, as
 * {@code comparison.pages.v1} carries it), plus every route of both sides with its upstream source
 * and dated prices, schema version 1 (see {@code docs/public-api.md} and
 * {@code public-api/compare.schema.json}). Documents are kept per computed comparison, so an answer is
 * never older than the facts page-service has.
 */
@Component
public class ComparisonJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final LeastRecentlyUsed<String, Representation> documents = new LeastRecentlyUsed<>(500, 32L * 1024 * 1024,
            Representation::weight);

    /** The document of a comparison computed from the current facts. */
    public Representation document(OnDemandComparison computed) {
        String key = computed.pair() + "/" + computed.factsVersion() + "/" + computed.computedAt();
        Representation cached = documents.get(key);
        if (cached != null) {
            return cached;
        }
        Representation built = Representation.of(DirectoryJson.JSON, MAPPER.writeValueAsString(tree(computed)), "c1",
                null);
        documents.put(key, built);
        return built;
    }

    static ObjectNode tree(OnDemandComparison computed) {
        PairId pair = computed.pair();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", DirectoryJson.SCHEMA_VERSION);
        root.put("url", "/compare/" + pair);
        ObjectNode ids = root.putObject("pair");
        ids.put("a", pair.a());
        ids.put("b", pair.b());
        root.set("comparison", MAPPER.readTree(EventCodec.mapper().writeValueAsString(computed.comparison())));
        ObjectNode routes = root.putObject("routes");
        routes.set("a", routes(computed.routesA()));
        routes.set("b", routes(computed.routesB()));
        return root;
    }

    private static ArrayNode routes(List<RouteSnapshot> routes) {
        ArrayNode array = MAPPER.createArrayNode();
        routes.forEach(route -> array.add(ModelJson.route(route)));
        return array;
    }
}
