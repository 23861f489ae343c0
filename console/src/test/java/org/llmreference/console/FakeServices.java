package org.llmreference.console;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.llmreference.console.StubService.Reply;
import org.llmreference.console.StubService.Request;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three services' public APIs as the console uses them, with the documented shapes: sessions
 * and models (catalog), price lists (pricing), previews (comparison), each an in-memory stand-in
 * with one model, gpt-oss-20b, and one route, on openrouter.
 */
final class FakeServices implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MODEL = "gpt-oss-20b";

    final StubService catalog = new StubService();
    final StubService pricing = new StubService();
    final StubService comparison = new StubService();
    /** page-service: which pages the audited changes reached. */
    final StubService pages = new StubService();

    /** Tokens the catalog has issued and not revoked, to the account id. */
    final Map<String, String> liveTokens = new ConcurrentHashMap<>();
    final Set<String> revoked = ConcurrentHashMap.newKeySet();
    final AtomicLong modelRevision = new AtomicLong();
    volatile ObjectNode model;
    final AtomicLong priceListRevision = new AtomicLong();

    FakeServices() {
        reset();
        catalog.answer = this::catalog;
        pricing.answer = this::pricing;
        comparison.answer = this::comparison;
        pages.answer = this::pages;
    }

    void reset() {
        model = (ObjectNode) JSON.readTree("{\"id\":\"gpt-oss-20b\",\"name\":\"gpt-oss-20b\",\"vendor\":\"OpenAI\","
                + "\"contextWindow\":131072,\"openWeights\":true,\"status\":\"active\","
                + "\"capabilities\":{\"reasoning\":true},\"decisionTags\":[\"cheap\",\"open\"]}");
        modelRevision.set(3);
        priceListRevision.set(7);
        liveTokens.clear();
        revoked.clear();
        catalog.requests.clear();
        pricing.requests.clear();
        comparison.requests.clear();
        pages.requests.clear();
        pages.answer = this::pages;
    }

    private Reply catalog(Request request) {
        if (request.method().equals("POST") && request.path().equals("/api/sessions")) {
            JsonNode body = JSON.readTree(request.body());
            String username = body.path("username").asString();
            String password = body.path("password").asString();
            if (username.equals("locked")) {
                return new Reply(429, Map.of("Retry-After", "90", "Content-Type", "application/problem+json"),
                        "{\"detail\":\"Too many failed attempts.\"}");
            }
            if (!password.equals("right-password") || !(username.equals("edith") || username.equals("ada") || username.equals("olga"))) {
                return Reply.json(401, "{\"detail\":\"Wrong username or password.\"}");
            }
            String token = "token-" + username + "-" + System.nanoTime();
            liveTokens.put(token, username);
            String roles = switch (username) {
                case "ada" -> "[\"admin\",\"editor\"]";
                case "olga" -> "[\"ops\"]";
                default -> "[\"editor\"]";
            };
            String name = switch (username) {
                case "ada" -> "Ada Admin";
                case "olga" -> "Olga Ops";
                default -> "Edith <Editor>";
            };
            return Reply.json(201, "{\"token\":\"" + token + "\",\"expiresAt\":\"2030-01-01T00:00:00Z\",\"account\":{\"id\":\""
                    + username + "\",\"displayName\":\"" + name + "\",\"roles\":" + roles + "}}");
        }
        String account = account(request);
        if (account == null) {
            return Reply.json(401, "{\"detail\":\"This request needs a valid token.\"}");
        }
        if (request.method().equals("DELETE") && request.path().equals("/api/sessions/current")) {
            revoked.add(bearer(request));
            liveTokens.remove(bearer(request));
            return new Reply(204, Map.of(), null);
        }
        if (request.method().equals("GET") && request.path().startsWith("/api/models?")) {
            return Reply.json(200, "{\"items\":[" + withRevision() + ",{\"id\":\"qwen3.5-4b\",\"name\":\"Qwen3.5 4B\","
                    + "\"vendor\":\"Alibaba\",\"status\":\"active\",\"revision\":1}],\"page\":0,\"size\":200,\"total\":2}");
        }
        if (request.path().equals("/api/models/" + MODEL)) {
            if (request.method().equals("GET")) {
                return modelReply(200);
            }
            if (request.method().equals("PATCH")) {
                if (!("\"" + modelRevision.get() + "\"").equals(request.header("If-Match"))) {
                    return Reply.json(412, "{\"detail\":\"If-Match names another revision.\"}");
                }
                JsonNode patch = JSON.readTree(request.body());
                if (patch.path("contextWindow").isString()) {
                    return Reply.json(400, "{\"detail\":\"contextWindow: must be a whole number\",\"errors\":[{\"field\":"
                            + "\"contextWindow\",\"rule\":\"type\",\"message\":\"must be a whole number\"}]}");
                }
                model = (ObjectNode) org.llmreference.console.web.FormFields.mergePatch(model, patch);
                modelRevision.incrementAndGet();
                return modelReply(200);
            }
        }
        if (request.method().equals("GET") && request.path().startsWith("/api/audit")) {
            return Reply.json(200, "{\"entries\":[{\"at\":\"2026-12-01T10:00:00Z\",\"author\":\"edith\",\"service\":\"catalog\","
                    + "\"action\":\"ModelChanged\",\"modelId\":\"gpt-oss-20b\",\"changes\":[{\"field\":\"contextWindow\","
                    + "\"old\":131072,\"new\":262144}],\"reason\":\"vendor <docs>\",\"causedBy\":\"e1\"}]}");
        }
        return Reply.json(404, "{\"detail\":\"No such resource.\"}");
    }

    private Reply pricing(Request request) {
        if (account(request) == null) {
            return Reply.json(401, "{\"detail\":\"This request needs a valid token.\"}");
        }
        String routes = "/api/models/" + MODEL + "/routes";
        if (request.method().equals("GET") && request.path().equals(routes)) {
            return new Reply(200, Map.of("ETag", "\"" + priceListRevision.get() + "\"", "Content-Type", "application/json"),
                    "{\"modelId\":\"gpt-oss-20b\",\"revision\":" + priceListRevision.get() + ",\"routes\":[{\"providerId\":"
                            + "\"openrouter\",\"providerName\":\"OpenRouter\",\"inputPricePerMTok\":0.05,\"outputPricePerMTok\":"
                            + "0.2,\"contextTiers\":[{\"aboveTokens\":128000,\"inputPricePerMTok\":0.1,\"outputPricePerMTok\":0.4}],"
                            + "\"status\":\"active\",\"sourceUrl\":\"https://openrouter.ai/openai/gpt-oss-20b\"}],"
                            + "\"scheduled\":[{\"scheduledChangeId\":\"6f1c1b1e-1111-4a4a-9b9b-000000000001\",\"modelId\":"
                            + "\"gpt-oss-20b\",\"providerId\":\"openrouter\",\"effectiveFrom\":\"2030-01-01T00:00:00Z\","
                            + "\"route\":{\"inputPricePerMTok\":0.04,\"outputPricePerMTok\":0.15}}]}");
        }
        if (request.method().equals("PUT") && request.path().equals(routes + "/openrouter")) {
            JsonNode body = JSON.readTree(request.body());
            if (body.path("inputPricePerMTok").isNumber() && body.path("inputPricePerMTok").decimalValue().signum() < 0) {
                return Reply.json(400, "{\"detail\":\"inputPricePerMTok: must not be negative\",\"errors\":[{\"field\":"
                        + "\"inputPricePerMTok\",\"rule\":\"min\",\"message\":\"must not be negative\"}]}");
            }
            if (body.has("effectiveFrom")) {
                return Reply.json(202, "{\"scheduledChangeId\":\"6f1c1b1e-1111-4a4a-9b9b-000000000002\"}");
            }
            if (!("\"" + priceListRevision.get() + "\"").equals(request.header("If-Match"))) {
                return Reply.json(412, "{\"detail\":\"If-Match names another revision.\"}");
            }
            priceListRevision.incrementAndGet();
            return Reply.json(200, request.body());
        }
        if (request.method().equals("DELETE") && request.path().startsWith(routes + "/openrouter/scheduled/")) {
            return new Reply(204, Map.of(), null);
        }
        if (request.method().equals("GET") && request.path().startsWith("/api/audit")) {
            return Reply.json(200, "{\"entries\":[{\"at\":\"2026-12-02T10:00:00Z\",\"author\":\"ada\",\"service\":\"pricing\","
                    + "\"action\":\"RouteChanged\",\"modelId\":\"gpt-oss-20b\",\"providerId\":\"openrouter\",\"changes\":"
                    + "[{\"field\":\"inputPricePerMTok\",\"old\":0.05,\"new\":0.04}],\"reason\":\"price cut\",\"causedBy\":\"e2\"}]}");
        }
        return Reply.json(404, "{\"detail\":\"No such resource.\"}");
    }

    private Reply pages(Request request) {
        if (account(request) == null) {
            return Reply.json(401, "{\"detail\":\"This request needs a valid token.\"}");
        }
        if (request.method().equals("GET") && request.path().startsWith("/api/audit/pages?causedBy=")) {
            return Reply.json(200, "{\"pages\":[{\"causedBy\":\"e2\",\"pairId\":\"gpt-oss-20b-vs-qwen3.5-4b\","
                    + "\"path\":\"/compare/gpt-oss-20b-vs-qwen3.5-4b\",\"revision\":4,\"live\":true,\"changed\":true},"
                    + "{\"causedBy\":\"e2\",\"pairId\":\"gpt-oss-20b-vs-o3-mini\",\"path\":\"/compare/gpt-oss-20b-vs-o3-mini\","
                    + "\"revision\":9,\"live\":true,\"changed\":false},"
                    + "{\"causedBy\":\"e1\",\"pairId\":\"x\",\"path\":\"javascript:alert(1)\",\"revision\":1}]}");
        }
        return Reply.json(404, "{\"detail\":\"No such resource.\"}");
    }

    private Reply comparison(Request request) {
        if (account(request) == null) {
            return Reply.json(401, "{\"detail\":\"This request needs a valid token.\"}");
        }
        if (request.method().equals("POST") && request.path().equals("/api/previews")) {
            // the proposal is checked as comparison-service checks it: problems named by their path in the body
            JsonNode proposal = JSON.readTree(request.body());
            if (proposal.path("route").path("inputPricePerMTok").isNumber()
                    && proposal.path("route").path("inputPricePerMTok").decimalValue().signum() < 0) {
                return Reply.json(400, "{\"detail\":\"route.inputPricePerMTok: must not be negative\",\"errors\":[{\"field\":"
                        + "\"route.inputPricePerMTok\",\"rule\":\"min\",\"message\":\"must not be negative\"}]}");
            }
            if (proposal.path("model").path("contextWindow").isString()) {
                return Reply.json(400, "{\"detail\":\"model.contextWindow: must be a whole number\",\"errors\":[{\"field\":"
                        + "\"model.contextWindow\",\"rule\":\"type\",\"message\":\"must be a whole number\"}]}");
            }
            return Reply.json(200, "{\"pages\":[{\"pairId\":\"gpt-oss-20b-vs-qwen3.5-4b\",\"title\":\"gpt-oss-20b vs Qwen3.5 4B\","
                    + "\"before\":{\"verdict\":\"Qwen3.5 4B is cheaper\",\"scorecard\":[{\"label\":\"Context\",\"a\":\"131K\",\"b\":\"262K\"}],"
                    + "\"monthlyCostA\":\"$12.00\",\"monthlyCostB\":\"$9.00\"},\"after\":{\"verdict\":\"gpt-oss-20b is cheaper\","
                    + "\"scorecard\":[{\"label\":\"Context\",\"a\":\"262K\",\"b\":\"262K\"}],\"monthlyCostA\":\"$6.00\","
                    + "\"monthlyCostB\":\"$9.00\"},\"changed\":true}]}");
        }
        return Reply.json(404, "{\"detail\":\"No such resource.\"}");
    }

    private Reply modelReply(int status) {
        return new Reply(status, Map.of("ETag", "\"" + modelRevision.get() + "\"", "Content-Type", "application/json"),
                withRevision());
    }

    private String withRevision() {
        ObjectNode copy = model.deepCopy();
        copy.put("revision", modelRevision.get());
        return copy.toString();
    }

    private String account(Request request) {
        String token = bearer(request);
        return token == null ? null : liveTokens.get(token);
    }

    private static String bearer(Request request) {
        String header = request.header("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    @Override
    public void close() {
        catalog.close();
        pricing.close();
        comparison.close();
        pages.close();
    }
}
