package org.llmreference.importing.modelsdev;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.toml.TomlMapper;

/** Reading TOML into Jackson trees (floats as exact decimals) and the small tree operations inheritance needs. */
final class TomlNodes {

    static final TomlMapper MAPPER = TomlMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private TomlNodes() {
    }

    static ObjectNode parse(String toml) {
        JsonNode node = MAPPER.readTree(toml);
        if (node == null || !node.isObject()) {
            return MAPPER.createObjectNode();
        }
        return (ObjectNode) node;
    }

    /** A deep merge where {@code top} wins: tables merge key by key, anything else is replaced. */
    static ObjectNode deepMerge(ObjectNode base, ObjectNode top) {
        ObjectNode merged = base.deepCopy();
        for (Map.Entry<String, JsonNode> entry : top.properties()) {
            JsonNode mine = merged.get(entry.getKey());
            if (mine instanceof ObjectNode mineObject && entry.getValue() instanceof ObjectNode theirs) {
                merged.set(entry.getKey(), deepMerge(mineObject, theirs));
            } else {
                merged.set(entry.getKey(), entry.getValue().deepCopy());
            }
        }
        return merged;
    }

    /** A copy without the dotted paths listed, e.g. {@code ["limit.input", "cost.tiers"]}. */
    static ObjectNode omit(ObjectNode node, List<String> dottedPaths) {
        ObjectNode copy = node.deepCopy();
        for (String dotted : dottedPaths) {
            String[] parts = dotted.split("\\.");
            JsonNode parent = copy;
            for (int i = 0; i < parts.length - 1 && parent != null; i++) {
                parent = parent.get(parts[i]);
            }
            if (parent instanceof ObjectNode parentObject) {
                parentObject.remove(parts[parts.length - 1]);
            }
        }
        return copy;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString().trim();
        return text.isEmpty() ? null : text;
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isNumber()) {
            return null;
        }
        return value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : value.decimalValue();
    }

    /** A positive whole number of tokens, or {@code null}: unknown is null, never 0. */
    static Integer positiveInt(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return null;
        }
        return value.intValue();
    }

    static List<String> strings(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        List<String> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            for (JsonNode item : value) {
                if (item.isString()) {
                    out.add(item.asString());
                }
            }
        }
        return out;
    }

    static JsonNode path(JsonNode node, String... fields) {
        JsonNode current = node;
        for (String field : fields) {
            if (current == null) {
                return null;
            }
            current = current.get(field);
        }
        return current;
    }
}
