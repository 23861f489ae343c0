package org.llmreference.console.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An uploaded catalog bundle (the import command's JSON format, plain or gzip), read and checked for
 * its shape: an object whose {@code models}, {@code providers}, {@code routes}, {@code aliases} and
 * {@code pairs} are lists of the right items. What each item holds is checked by the services when
 * it is applied, as for any import. Aliases are moved onto their models, as the import command does.
 */
final class BundleFile {

    /** The largest bundle accepted, as the import endpoints' body limit. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    final String source;
    final List<ObjectNode> models;
    final List<ObjectNode> providers;
    final List<ObjectNode> routes;
    final List<String> pairs;

    private BundleFile(String source, List<ObjectNode> models, List<ObjectNode> providers, List<ObjectNode> routes,
            List<String> pairs) {
        this.source = source;
        this.models = models;
        this.providers = providers;
        this.routes = routes;
        this.pairs = pairs;
    }

    /** A bundle file that cannot be imported, and why. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    static BundleFile read(byte[] bytes, JsonMapper json) throws Unreadable {
        if (bytes.length == 0) {
            throw new Unreadable("choose a bundle file (.json or .json.gz)");
        }
        JsonNode root;
        try (InputStream in = unzipped(bytes)) {
            byte[] text = in.readNBytes((int) MAX_BYTES + 1);
            if (text.length > MAX_BYTES) {
                throw new Unreadable("the bundle is larger than 16 MB unpacked; split it, or use the import command");
            }
            root = json.readTree(text);
        } catch (IOException e) {
            throw new Unreadable("the file is not readable as gzip: " + e.getMessage());
        } catch (JacksonException e) {
            throw new Unreadable("the file is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("a bundle is a JSON object with models, providers and routes");
        }
        List<ObjectNode> models = objects(root, "models", "id");
        List<ObjectNode> providers = objects(root, "providers", "id");
        List<ObjectNode> routes = objects(root, "routes", "modelId", "providerId");
        List<ObjectNode> aliases = objects(root, "aliases", "id", "modelId");
        List<String> pairs = new ArrayList<>();
        for (JsonNode pair : list(root, "pairs")) {
            if (!pair.isString() || pair.asString().split("-vs-").length != 2) {
                throw new Unreadable("pairs[" + pairs.size() + "] is not two model ids joined by -vs-");
            }
            pairs.add(pair.asString());
        }
        if (models.isEmpty() && providers.isEmpty() && routes.isEmpty() && pairs.isEmpty()) {
            throw new Unreadable("the bundle has no models, providers, routes or pairs");
        }
        Map<String, List<String>> aliasesByModel = new LinkedHashMap<>();
        aliases.forEach(alias -> aliasesByModel.computeIfAbsent(alias.path("modelId").asString(), m -> new ArrayList<>())
                .add(alias.path("id").asString()));
        for (ObjectNode model : models) {
            List<String> more = aliasesByModel.get(model.path("id").asString());
            if (more != null) {
                ArrayNode all = model.path("aliases").isArray() ? (ArrayNode) model.get("aliases") : model.putArray("aliases");
                more.forEach(all::add);
            }
        }
        String source = root.path("source").isString() ? root.path("source").asString() : null;
        return new BundleFile(source, models, providers, routes, pairs);
    }

    /** The bundle body of one request: its source and the given lists. */
    ObjectNode part(List<ObjectNode> partModels, List<ObjectNode> partProviders, List<ObjectNode> partRoutes) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (source != null) {
            body.put("source", source);
        }
        body.putArray("providers").addAll(partProviders);
        body.putArray("models").addAll(partModels);
        body.putArray("routes").addAll(partRoutes);
        return body;
    }

    private static InputStream unzipped(byte[] bytes) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        return bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b ? new GZIPInputStream(in) : in;
    }

    private static JsonNode list(JsonNode root, String name) throws Unreadable {
        JsonNode list = root.path(name);
        if (list.isMissingNode() || list.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!list.isArray()) {
            throw new Unreadable(name + " must be a list");
        }
        return list;
    }

    private static List<ObjectNode> objects(JsonNode root, String name, String... required) throws Unreadable {
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : list(root, name)) {
            if (!item.isObject()) {
                throw new Unreadable(name + "[" + items.size() + "] must be an object");
            }
            for (String field : required) {
                if (!item.path(field).isString() || item.path(field).asString().isBlank()) {
                    throw new Unreadable(name + "[" + items.size() + "] has no " + field);
                }
            }
            items.add((ObjectNode) item);
        }
        return items;
    }
}
