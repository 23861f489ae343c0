package org.llmreference.page.publicapi.web;

import java.util.Locale;
import java.util.Map;

import org.llmreference.page.directory.ModelDirectory;
import org.llmreference.page.http.LeastRecentlyUsed;
import org.llmreference.page.http.Representation;
import org.llmreference.page.listing.Capability;
import org.llmreference.page.listing.Directory;
import org.llmreference.page.listing.DirectoryQuery;
import org.llmreference.page.listing.DirectoryRow;
import org.llmreference.page.rendering.PageRenderer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /models.json}: the directory's rows as public JSON, schema version 1 (see
 * {@code docs/public-api.md} and {@code public-api/models.schema.json}). Prices are exact decimals
 * written as strings; unknown values are {@code null}.
 */
@Component
public class DirectoryJson {

    public static final MediaType JSON = MediaType.parseMediaType("application/json");
    public static final int SCHEMA_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final ModelDirectory directory;
    private final LeastRecentlyUsed<String, Representation> documents = new LeastRecentlyUsed<>(500, 16L * 1024 * 1024,
            Representation::weight);

    public DirectoryJson(ModelDirectory directory) {
        this.directory = directory;
    }

    /** The document of {@code query}'s page, or null when the page is past the last one. */
    public Representation page(DirectoryQuery query) {
        long version = directory.version();
        String key = version + query.queryString();
        Representation cached = documents.get(key);
        if (cached != null) {
            return cached;
        }
        Directory.Result result = directory.directory().query(query);
        if (result.pastTheEnd()) {
            return null;
        }
        Representation built = Representation.of(JSON, MAPPER.writeValueAsString(document(result)), "v1", null);
        documents.put(key, built);
        return built;
    }

    static ObjectNode document(Directory.Result result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("total", result.total());
        root.put("page", result.query().page());
        root.put("pages", result.pages());
        root.put("pageSize", DirectoryQuery.PAGE_SIZE);
        ObjectNode query = root.putObject("query");
        result.query().parameters().forEach(query::put);
        int page = result.query().page();
        root.put("previous", page > 1 ? "/models.json" + result.query().atPage(page - 1).queryString() : null);
        root.put("next", page < result.pages() ? "/models.json" + result.query().atPage(page + 1).queryString() : null);
        ArrayNode models = root.putArray("models");
        for (DirectoryRow row : result.rows()) {
            ObjectNode model = models.addObject();
            model.put("id", row.id());
            model.put("name", row.name());
            model.put("vendor", row.vendor());
            model.put("url", PageRenderer.modelPath(row.id()));
            model.put("contextWindow", row.contextWindow());
            model.put("cheapestInputPerMTok", row.cheapestInput() == null ? null : row.cheapestInput().toPlainString());
            model.put("cheapestOutputPerMTok", row.cheapestOutput() == null ? null : row.cheapestOutput().toPlainString());
            ObjectNode capabilities = model.putObject("capabilities");
            for (Capability capability : Capability.values()) {
                capabilities.put(capability.parameter(), capability.of(row.capabilities()));
            }
            model.put("openWeights", row.openWeights());
            model.put("releaseDate", row.releaseDate() == null ? null : row.releaseDate().toString());
            model.put("status", row.status().name().toLowerCase(Locale.ROOT));
            model.put("lastRepricedAt", row.lastRepricedAt() == null ? null : row.lastRepricedAt().toString());
        }
        return root;
    }

    /** An RFC 9457 problem document for bad parameters, with the message of each. */
    public static byte[] problem(String detail, Map<String, String> errors) {
        ObjectNode problem = MAPPER.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", "Bad Request");
        problem.put("status", 400);
        problem.put("detail", detail);
        ObjectNode byParameter = problem.putObject("errors");
        errors.forEach(byParameter::put);
        return MAPPER.writeValueAsBytes(problem);
    }
}
