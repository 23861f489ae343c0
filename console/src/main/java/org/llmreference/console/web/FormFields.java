package org.llmreference.console.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves values between the API's JSON and plain form fields. A form field is named by its JSON path
 * ({@code modalities.input}); lists are comma-separated, booleans {@code true}/{@code false} or empty
 * for unknown. What the console cannot read as the field's type is sent as text, so the API's own
 * rules (the same as for every client) answer with the message shown next to the field.
 */
public final class FormFields {

    /** How a field is typed in the API's JSON. */
    public enum Kind {
        TEXT, INTEGER, DECIMAL, BOOLEAN, LIST
    }

    /** One editable field: its JSON path, its label and kind, and the choices of a select (none: free text). */
    public record Field(String name, String label, Kind kind, List<String> choices) {

        public static Field text(String name, String label) {
            return new Field(name, label, Kind.TEXT, List.of());
        }

        public static Field of(String name, String label, Kind kind) {
            return new Field(name, label, kind, kind == Kind.BOOLEAN ? List.of("", "true", "false") : List.of());
        }

        public static Field choice(String name, String label, String... choices) {
            return new Field(name, label, Kind.TEXT, Arrays.asList(choices));
        }

        /** The label without its input hint: {@code Context window} for {@code Context window (tokens)}. */
        public String shortLabel() {
            return label.replaceFirst("\\s*\\(.*\\)$", "");
        }

        /** The id of the field's input element. */
        public String inputId() {
            return "f-" + name.replace('.', '-');
        }
    }

    private FormFields() {
    }

    /** The field's value in {@code document} as a form shows it; empty when absent or null. */
    public static String value(JsonNode document, String path) {
        JsonNode node = document;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asString()));
            return String.join(", ", items);
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return node.asString();
    }

    /** Every field's value in {@code document}. */
    public static Map<String, String> values(JsonNode document, List<Field> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field.name(), value(document, field.name())));
        return values;
    }

    /** The value a form sent for {@code field} as JSON: null when empty, typed when readable, else the text. */
    public static JsonNode json(Field field, String text) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return nodes.nullNode();
        }
        switch (field.kind()) {
            case INTEGER:
                try {
                    return nodes.numberNode(Long.parseLong(value.replace("_", "").replace(",", "")));
                } catch (NumberFormatException e) {
                    return nodes.stringNode(value);
                }
            case DECIMAL:
                try {
                    return nodes.numberNode(new BigDecimal(value));
                } catch (NumberFormatException e) {
                    return nodes.stringNode(value);
                }
            case BOOLEAN:
                return "true".equals(value) ? nodes.booleanNode(true)
                        : "false".equals(value) ? nodes.booleanNode(false) : nodes.stringNode(value);
            case LIST:
                var array = nodes.arrayNode();
                Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).forEach(array::add);
                return array;
            default:
                return nodes.stringNode(value);
        }
    }

    /** Puts {@code value} at the dotted {@code path} of {@code target}, creating the objects on the way. */
    public static void put(ObjectNode target, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = target;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (!(next instanceof ObjectNode)) {
                next = node.putObject(parts[i]);
            }
            node = (ObjectNode) next;
        }
        node.set(parts[parts.length - 1], value);
    }

    /** The field problems of an API answer, keyed by form field (an error on {@code tags[2]} belongs to {@code tags}). */
    public static Map<String, String> errorsByField(Map<String, String> apiErrors, List<Field> fields) {
        Map<String, String> byField = new LinkedHashMap<>();
        apiErrors.forEach((path, message) -> {
            String owner = fields.stream().map(Field::name)
                    .filter(name -> path.equals(name) || path.startsWith(name + "[") || path.startsWith(name + "."))
                    .findFirst().orElse("");
            byField.merge(owner, owner.isEmpty() ? path + ": " + message : message, (a, b) -> a + "; " + b);
        });
        return byField;
    }

    /** RFC 7396: {@code patch} applied to a copy of {@code target}. */
    public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (var entry : patch.properties()) {
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), mergePatch(result.get(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }
}
