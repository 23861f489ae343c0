package org.llmreference.importing.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.llmreference.importing.bundle.CatalogBundle;
import org.llmreference.importing.modelsdev.ModelsDevReader;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * models.dev's compiled {@code api.json} (providers by id, each with its {@code models} by id; a model
 * with {@code name}, {@code cost}, {@code limit}, {@code modalities}... as in the TOML files it was
 * compiled from), fetched over HTTP. Its types are checked first: a wrong one is refused with the
 * JSON path that holds it, before anything is sent. It is then written out as the models.dev tree it
 * stands for (one {@code provider.toml} per provider, one TOML file per model) and read by the same
 * models.dev importer as a checkout, so both give the same ids, variants and routes. api.json has
 * inheritance already resolved, so it has no {@code models/} metadata folder.
 */
final class ApiJsonSource {

    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TomlMapper TOML = TomlMapper.builder().build();
    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,199}(/[A-Za-z0-9._:@+-]{1,200}){0,4}");
    private static final List<String> NUMBERS_IN_COST = List.of("input", "output", "cache_read", "cache_write",
            "input_audio", "output_audio", "reasoning");
    private static final List<String> INTEGERS_IN_LIMIT = List.of("context", "output", "input");
    private static final List<String> TEXTS = List.of("name", "family", "release_date", "last_updated", "knowledge",
            "status");
    private static final List<String> FLAGS = List.of("attachment", "reasoning", "tool_call", "temperature",
            "open_weights", "structured_output");

    private ApiJsonSource() {
    }

    static Upstream fetch(URI url, Clock clock, Consumer<String> progress) {
        Instant fetchedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        byte[] body = download(url);
        progress.accept(String.format("fetched %s (%,d bytes)", url, body.length));
        return new Upstream(read(body, url.toString(), LocalDate.ofInstant(fetchedAt, ZoneOffset.UTC), progress),
                null, url.toString(), fetchedAt);
    }

    private static byte[] download(URI url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException(url + " answered " + response.statusCode() + ", not 200 with an api.json");
            }
            if (response.body().length > MAX_BYTES) {
                throw new IllegalArgumentException(url + " sent more than " + MAX_BYTES / 1024 / 1024 + " MB; not an api.json");
            }
            return response.body();
        } catch (ConnectException e) {
            throw new IllegalArgumentException("cannot connect to " + url + " (connection refused or host unreachable)");
        } catch (HttpTimeoutException e) {
            throw new IllegalArgumentException(url + " did not answer in time");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot fetch " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while fetching " + url);
        }
    }

    /** The bundle an api.json document stands for; a wrong shape or type is an IllegalArgumentException naming where. */
    static CatalogBundle read(byte[] body, String source, LocalDate day, Consumer<String> progress) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getOriginalMessage());
        }
        check(root);
        Path tree;
        try {
            tree = Files.createTempDirectory("llmref-api-json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for " + source, e);
        }
        try {
            write(root, tree);
            CatalogBundle read = new ModelsDevReader(day).read(tree, progress);
            return new CatalogBundle("models.dev api.json " + source, read.providers(), read.models(), read.routes(),
                    read.aliases());
        } finally {
            delete(tree);
        }
    }

    /** Checks the shape and the types the importer reads; throws with the JSON path of the first wrong value. */
    static void check(JsonNode root) {
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException("api.json must be an object of providers by id, like {\"openai\": {...}}");
        }
        for (Map.Entry<String, JsonNode> provider : root.properties()) {
            String at = provider.getKey();
            if (!PROVIDER_ID.matcher(at).matches()) {
                throw new IllegalArgumentException("api.json: provider id '" + shorten(at) + "' is not a slug");
            }
            JsonNode value = provider.getValue();
            requireObject(value, at);
            text(value, "name", at);
            text(value, "doc", at);
            JsonNode models = value.get("models");
            if (models == null) {
                throw new IllegalArgumentException("api.json: " + at + ".models is missing");
            }
            requireObject(models, at + ".models");
            for (Map.Entry<String, JsonNode> model : models.properties()) {
                String modelAt = at + ".models." + model.getKey();
                if (!MODEL_ID.matcher(model.getKey()).matches() || List.of(model.getKey().split("/")).contains("..")) {
                    throw new IllegalArgumentException("api.json: model id '" + shorten(model.getKey()) + "' of " + at
                            + " is not an id models.dev uses");
                }
                checkModel(model.getValue(), modelAt);
            }
        }
    }

    private static void checkModel(JsonNode model, String at) {
        requireObject(model, at);
        for (String field : TEXTS) {
            text(model, field, at);
        }
        for (String field : FLAGS) {
            JsonNode flag = model.get(field);
            if (flag != null && !flag.isNull() && !flag.isBoolean()) {
                throw wrong(at + "." + field, "true or false", flag);
            }
        }
        JsonNode cost = model.get("cost");
        if (cost != null && !cost.isNull()) {
            requireObject(cost, at + ".cost");
            for (String field : NUMBERS_IN_COST) {
                JsonNode price = cost.get(field);
                if (price != null && !price.isNull() && !price.isNumber()) {
                    throw wrong(at + ".cost." + field, "a number (USD per 1M tokens)", price);
                }
            }
        }
        JsonNode limit = model.get("limit");
        if (limit != null && !limit.isNull()) {
            requireObject(limit, at + ".limit");
            for (String field : INTEGERS_IN_LIMIT) {
                JsonNode tokens = limit.get(field);
                if (tokens != null && !tokens.isNull() && !tokens.canConvertToLong()) {
                    throw wrong(at + ".limit." + field, "a whole number of tokens", tokens);
                }
            }
        }
        JsonNode modalities = model.get("modalities");
        if (modalities != null && !modalities.isNull()) {
            requireObject(modalities, at + ".modalities");
            for (String side : List.of("input", "output")) {
                JsonNode list = modalities.get(side);
                if (list != null && !list.isNull() && (!list.isArray() || !allText(list))) {
                    throw wrong(at + ".modalities." + side, "a list of strings", list);
                }
            }
        }
    }

    private static boolean allText(JsonNode list) {
        for (JsonNode item : list) {
            if (!item.isString()) {
                return false;
            }
        }
        return true;
    }

    private static void requireObject(JsonNode node, String at) {
        if (!node.isObject()) {
            throw wrong(at, "an object", node);
        }
    }

    private static void text(JsonNode parent, String field, String at) {
        JsonNode value = parent.get(field);
        if (value != null && !value.isNull() && !value.isString()) {
            throw wrong(at + "." + field, "a string", value);
        }
    }

    private static IllegalArgumentException wrong(String at, String expected, JsonNode found) {
        return new IllegalArgumentException("api.json: " + at + " must be " + expected + ", got "
                + shorten(found.toString()));
    }

    private static String shorten(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The models.dev tree the document stands for: providers/<p>/provider.toml and providers/<p>/models/<id>.toml. */
    private static void write(JsonNode root, Path tree) {
        try {
            for (Map.Entry<String, JsonNode> provider : root.properties()) {
                Path dir = tree.resolve("providers").resolve(provider.getKey());
                Files.createDirectories(dir.resolve("models"));
                ObjectNode info = withoutNulls(provider.getValue());
                info.remove("models");
                info.remove("id");
                Files.writeString(dir.resolve("provider.toml"), TOML.writeValueAsString(info));
                for (Map.Entry<String, JsonNode> model : provider.getValue().get("models").properties()) {
                    Path file = dir.resolve("models").resolve(model.getKey() + ".toml").normalize();
                    if (!file.startsWith(dir.resolve("models"))) {
                        throw new IllegalArgumentException("api.json: model id '" + shorten(model.getKey()) + "' escapes its provider");
                    }
                    Files.createDirectories(file.getParent());
                    ObjectNode fields = withoutNulls(model.getValue());
                    fields.remove("id");
                    Files.writeString(file, TOML.writeValueAsString(fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the api.json as a models.dev tree", e);
        }
    }

    /** A copy without null values (TOML has none), at any depth. */
    private static ObjectNode withoutNulls(JsonNode node) {
        ObjectNode copy = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            copy.set(field.getKey(), value.isObject() ? withoutNulls(value) : value);
        }
        return copy;
    }

    private static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Iterator<Path> it = paths.sorted(Comparator.reverseOrder()).iterator(); it.hasNext();) {
                Files.deleteIfExists(it.next());
            }
        } catch (IOException e) {
            // A temporary folder left behind is no harm to the sync; say so and go on.
            System.err.println("sync: could not delete the temporary folder " + tree + ": " + e.getMessage());
        }
    }
}
