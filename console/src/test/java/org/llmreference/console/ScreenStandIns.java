package org.llmreference.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.llmreference.console.StubService.Reply;
import org.llmreference.console.StubService.Request;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The APIs behind the providers, curated pairs and accounts screens, added in front of
 * {@link FakeServices}' answers with the documented shapes and refusals: pricing-service's
 * {@code /api/providers}, comparison-service's {@code /api/pairs}, catalog-service's
 * {@code /api/accounts} (admin only, as the real one). Anything else goes on to {@link FakeServices}.
 */
final class ScreenStandIns {

    static final ScreenStandIns INSTANCE = new ScreenStandIns(ConsoleTestBase.SERVICES);
    /** The models comparison-service knows: the catalog's two, and those an import sent. */
    final java.util.Set<String> knownModels = ConcurrentHashMap.newKeySet();

    private final FakeServices services;
    final Map<String, ObjectNode> providers = new ConcurrentHashMap<>();
    final Map<String, Boolean> curated = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> accounts = new ConcurrentHashMap<>();

    private ScreenStandIns(FakeServices services) {
        this.services = services;
        services.pricing.answer = first(this::pricing, services.pricing.answer);
        services.comparison.answer = first(this::comparison, services.comparison.answer);
        services.catalog.answer = first(this::catalog, services.catalog.answer);
        reset();
    }

    void reset() {
        providers.clear();
        providers.put("openrouter", object("{\"id\":\"openrouter\",\"name\":\"OpenRouter\",\"url\":\"https://openrouter.ai\",\"revision\":1}"));
        curated.clear();
        curated.put("gpt-oss-20b-vs-qwen3.5-4b", true);
        knownModels.clear();
        knownModels.addAll(List.of("gpt-oss-20b", "qwen3.5-4b"));
        accounts.clear();
        accounts.put("ada", object("{\"id\":\"ada\",\"displayName\":\"Ada Admin\",\"roles\":[\"admin\",\"editor\"],\"disabled\":false}"));
        accounts.put("edith", object("{\"id\":\"edith\",\"displayName\":\"Edith <Editor>\",\"roles\":[\"editor\"],\"disabled\":false}"));
    }

    private static Function<Request, Reply> first(Function<Request, Reply> mine, Function<Request, Reply> others) {
        return request -> {
            Reply reply = mine.apply(request);
            return reply != null ? reply : others.apply(request);
        };
    }

    private Reply pricing(Request request) {
        if (request.method().equals("POST") && request.path().startsWith("/api/import?")) {
            if (account(request) == null) {
                return Reply.json(401, "{\"detail\":\"This request needs a valid token.\"}");
            }
            JsonNode body = FakeServices.JSON.readTree(request.body());
            int providersReceived = body.path("providers").size();
            int routesReceived = body.path("routes").size();
            return Reply.json(200, "[{\"target\":\"providers\",\"received\":" + providersReceived + ",\"created\":"
                    + providersReceived + ",\"changed\":0,\"unchanged\":0,\"rejected\":[]},{\"target\":\"routes\","
                    + "\"received\":" + routesReceived + ",\"created\":" + (routesReceived - 1) + ",\"changed\":0,"
                    + "\"unchanged\":0,\"rejected\":[{\"id\":\"new-model/openrouter\",\"field\":\"modelId\",\"rule\":"
                    + "\"unknown-model\",\"message\":\"<b>no</b> such model\"}]}]");
        }
        if (!request.path().startsWith("/api/providers")) {
            return null;
        }
        if (account(request) == null) {
            return Reply.json(401, "{\"detail\":\"This request needs a valid token.\"}");
        }
        if (request.method().equals("GET") && request.path().equals("/api/providers")) {
            ArrayNode all = FakeServices.JSON.createArrayNode();
            new TreeMap<>(providers).values().forEach(all::add);
            return Reply.json(200, all.toString());
        }
        String id = request.path().substring("/api/providers/".length());
        ObjectNode stored = providers.get(id);
        if (request.method().equals("GET")) {
            return stored == null ? Reply.json(404, "{\"detail\":\"No provider '" + id + "' exists.\"}")
                    : new Reply(200, Map.of("ETag", "\"" + stored.path("revision").asLong() + "\"", "Content-Type",
                            "application/json"), stored.toString());
        }
        if (request.method().equals("PUT")) {
            JsonNode body = FakeServices.JSON.readTree(request.body());
            List<String> errors = new ArrayList<>();
            if (!id.matches("[a-z0-9][a-z0-9-]{1,39}")) {
                errors.add("{\"field\":\"id\",\"rule\":\"slug\",\"message\":\"must be lower-case letters, digits or '-'\"}");
            }
            if (body.path("name").asString("").isBlank()) {
                errors.add("{\"field\":\"name\",\"rule\":\"required\",\"message\":\"is required\"}");
            }
            String url = body.path("url").asString("");
            if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://")) {
                errors.add("{\"field\":\"url\",\"rule\":\"url\",\"message\":\"must be an absolute http or https URL\"}");
            }
            if (!errors.isEmpty()) {
                return Reply.json(400, "{\"detail\":\"" + errors.size() + " fields are invalid; see errors\",\"errors\":["
                        + String.join(",", errors) + "]}");
            }
            String ifMatch = request.header("If-Match");
            long revision = stored == null ? 0 : stored.path("revision").asLong();
            if (ifMatch != null && !ifMatch.equals("\"" + revision + "\"")) {
                return Reply.json(412, "{\"detail\":\"If-Match names revision " + ifMatch + " but the current revision is "
                        + revision + "; read the resource again and reapply your change.\"}");
            }
            ObjectNode provider = object("{}");
            provider.put("id", id);
            provider.put("name", body.path("name").asString());
            if (!url.isEmpty()) {
                provider.put("url", url);
            }
            provider.put("revision", revision + 1);
            providers.put(id, provider);
            return Reply.json(stored == null ? 201 : 200, provider.toString());
        }
        return null;
    }

    private Reply comparison(Request request) {
        if (!request.path().startsWith("/api/pairs")) {
            return null;
        }
        if (account(request) == null) {
            return Reply.json(401, "{\"detail\":\"This request needs a valid token.\"}");
        }
        if (request.method().equals("GET") && request.path().startsWith("/api/pairs?")) {
            if (!request.path().contains("curated=true")) {
                return Reply.json(400, "{\"detail\":\"the console lists curated pairs only\"}");
            }
            ArrayNode items = FakeServices.JSON.createArrayNode();
            new TreeMap<>(curated).keySet().forEach(pair -> {
                String[] models = pair.split("-vs-");
                ObjectNode item = items.addObject();
                item.put("pairId", pair).put("modelA", models[0]).put("modelB", models[1]).put("curated", true)
                        .put("peer", false).put("live", knownModels.contains(models[0]) && knownModels.contains(models[1]));
            });
            return Reply.json(200, "{\"items\":" + items + ",\"page\":0,\"size\":1000,\"total\":" + items.size() + "}");
        }
        String pair = request.path().substring("/api/pairs/".length());
        String[] models = pair.split("-vs-");
        if (models.length != 2) {
            return Reply.json(400, "{\"detail\":\"pairId: not two model ids joined by -vs-\",\"errors\":[{\"field\":\"pairId\","
                    + "\"rule\":\"pair-id\",\"message\":\"not two model ids joined by -vs-\"}]}");
        }
        String canonical = models[0].compareTo(models[1]) <= 0 ? pair : models[1] + "-vs-" + models[0];
        if (request.method().equals("PUT")) {
            for (String model : models) {
                if (!knownModels.contains(model)) {
                    String message = "No model '" + model + "' is in the catalog; add it there first.";
                    return Reply.json(422, "{\"detail\":\"" + message + "\",\"errors\":[{\"field\":\"pairId\",\"rule\":"
                            + "\"unknown-model\",\"message\":\"" + message + "\"}]}");
                }
            }
            boolean created = curated.put(canonical, true) == null;
            return Reply.json(created ? 201 : 200, "{\"pairId\":\"" + canonical + "\",\"curated\":true}");
        }
        if (request.method().equals("DELETE")) {
            return curated.remove(canonical) == null
                    ? Reply.json(404, "{\"detail\":\"No curated pair '" + canonical + "' exists.\"}")
                    : Reply.json(200, "{\"pairId\":\"" + canonical + "\",\"curated\":false}");
        }
        return null;
    }

    private Reply catalog(Request request) {
        if (request.path().startsWith("/api/import")) {
            return catalogImport(request);
        }
        if (!request.path().startsWith("/api/accounts")) {
            return null;
        }
        String caller = account(request);
        if (caller == null) {
            return Reply.json(401, "{\"detail\":\"This request needs a valid token.\"}");
        }
        if (!caller.equals("ada")) {
            return Reply.json(403, "{\"detail\":\"Only an admin manages accounts.\"}");
        }
        if (request.method().equals("GET") && request.path().equals("/api/accounts")) {
            ArrayNode all = FakeServices.JSON.createArrayNode();
            new TreeMap<>(accounts).values().forEach(all::add);
            return Reply.json(200, "{\"accounts\":" + all + "}");
        }
        JsonNode body = FakeServices.JSON.readTree(request.body());
        if (request.method().equals("POST") && request.path().equals("/api/accounts")) {
            String id = body.path("id").asString("");
            if (accounts.containsKey(id)) {
                return Reply.json(409, "{\"detail\":\"An account '" + id + "' exists already.\",\"errors\":[{\"field\":\"id\","
                        + "\"rule\":\"taken\",\"message\":\"An account '" + id + "' exists already.\"}]}");
            }
            if (body.path("password").asString("").length() < 10) {
                return Reply.json(400, "{\"detail\":\"password: must be at least 10 characters\",\"errors\":[{\"field\":"
                        + "\"password\",\"rule\":\"length\",\"message\":\"must be at least 10 characters and at most 72 bytes\"}]}");
            }
            if (body.path("roles").isEmpty()) {
                return Reply.json(400, "{\"detail\":\"roles: must name at least one of editor, ops, admin\",\"errors\":[{\"field\":"
                        + "\"roles\",\"rule\":\"required\",\"message\":\"must name at least one of editor, ops, admin\"}]}");
            }
            ObjectNode account = object("{}");
            account.put("id", id).put("displayName", body.path("displayName").asString(""));
            account.set("roles", body.path("roles"));
            account.put("disabled", false);
            accounts.put(id, account);
            return Reply.json(201, account.toString());
        }
        if (request.method().equals("PATCH")) {
            String id = request.path().substring("/api/accounts/".length());
            ObjectNode account = accounts.get(id);
            if (account == null) {
                return Reply.json(404, "{\"detail\":\"No account '" + id + "' exists.\"}");
            }
            boolean losesAdmin = body.has("roles") && !body.path("roles").toString().contains("\"admin\"");
            if (id.equals("ada") && (losesAdmin || body.path("disabled").asBoolean(false))) {
                String message = "'ada' is the last enabled admin: make another account admin first.";
                return Reply.json(409, "{\"detail\":\"" + message + "\",\"errors\":[{\"field\":\"roles\",\"rule\":\"last-admin\","
                        + "\"message\":\"" + message + "\"}]}");
            }
            ObjectNode patched = (ObjectNode) org.llmreference.console.web.FormFields.mergePatch(account, body);
            patched.remove("password");
            accounts.put(id, patched);
            return Reply.json(200, patched.toString());
        }
        return null;
    }

    /** Import runs ({@code POST /api/imports}, {@code GET /api/imports/{id}}) and the models' import endpoint. */
    private Reply catalogImport(Request request) {
        if (account(request) == null) {
            return Reply.json(401, "{\"detail\":\"This request needs a valid token.\"}");
        }
        if (request.method().equals("POST") && request.path().equals("/api/imports")) {
            JsonNode body = FakeServices.JSON.readTree(request.body());
            runExpected = body.path("expected").asLong();
            runProcessed = 0;
            return Reply.json(201, "{\"importId\":\"run-1\",\"expected\":" + runExpected + ",\"processed\":0}");
        }
        if (request.method().equals("GET") && request.path().equals("/api/imports/run-1")) {
            return Reply.json(200, "{\"importId\":\"run-1\",\"expected\":" + runExpected + ",\"processed\":" + runProcessed + "}");
        }
        if (request.method().equals("POST") && request.path().equals("/api/import?importId=run-1")) {
            JsonNode sent = FakeServices.JSON.readTree(request.body()).path("models");
            sent.forEach(model -> knownModels.add(model.path("id").asString()));
            int received = sent.size();
            runProcessed += received;
            return Reply.json(200, "{\"target\":\"models\",\"received\":" + received + ",\"created\":1,\"changed\":1,"
                    + "\"unchanged\":" + (received - 2) + ",\"rejected\":[]}");
        }
        return null;
    }

    volatile long runExpected;
    volatile long runProcessed;

    private String account(Request request) {
        String header = request.header("Authorization");
        return header != null && header.startsWith("Bearer ") ? services.liveTokens.get(header.substring(7)) : null;
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) FakeServices.JSON.readTree(json);
    }
}
